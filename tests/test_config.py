"""Facts stated once: the upload limit, and the two message catalogues kept in step."""

import re
import tomllib

from scores import i18n
from scores.config import MAX_UPLOAD_MB, ROOT


def test_the_server_upload_limit_is_the_app_limit():
    with open(ROOT / ".streamlit" / "config.toml", "rb") as handle:
        assert tomllib.load(handle)["server"]["maxUploadSize"] == MAX_UPLOAD_MB


def test_both_catalogues_have_the_same_keys():
    vi, en = i18n.catalogue("vi"), i18n.catalogue("en")
    assert sorted(set(vi) - set(en)) == [] and sorted(set(en) - set(vi)) == []


def test_each_message_has_the_same_placeholders_in_both_languages():
    def names(text: str) -> set[str]:
        return set(re.findall(r"\{(\w+)", text))

    vi, en = i18n.catalogue("vi"), i18n.catalogue("en")
    differ = [key for key in vi if names(vi[key]) != names(en.get(key, ""))]
    assert differ == []
