"""A real OpenID Connect sign-in, end to end: oidc-provider-mock on 127.0.0.1, the app under
`streamlit run` configured against it, Chromium signing in as an editor, an administrator and
someone on no list. The editor uploads, the administrator restores, the stranger can do neither,
and the change history names each of them."""

import os
import shutil
import threading

import duckdb
import pytest
from playwright.sync_api import expect
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    _free_port,
    browser,
    pytestmark,
    start_server,
)

ADMIN = "nguyenvana@hanoi.gov.vn"
EDITOR = "tranthib@hanoi.gov.vn"
STRANGER = "khach@example.com"
UPLOAD = "STT,Tỉnh/thành phố,Chỉ số SIPAS\n1,TP. Hà Nội,87.1\n2,Hải Phòng,90.2\n"
SIGN_IN = "Đăng nhập bằng tài khoản cơ quan"


@pytest.fixture(scope="module")
def provider():
    """The mock identity provider on 127.0.0.1, in a thread of this process."""
    import werkzeug.serving
    from oidc_provider_mock import User, app

    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # plain http on the loopback only
    verified = {"email_verified": True}
    users = [User(sub=e, claims={"email": e, **verified}) for e in (ADMIN, EDITOR, STRANGER)]
    # The administrator's address where the provider does not vouch for it (issue #23).
    users += [
        User(sub="unverified", claims={"email": ADMIN, "email_verified": False}),
        User(sub="no-email", claims={"email": "", "preferred_username": ADMIN}),
        User(sub=ADMIN.upper(), claims={}),
    ]
    server = werkzeug.serving.make_server(
        "127.0.0.1", _free_port(), app(user_claims=users), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="module")
def site(provider, built_db, tmp_path_factory):
    """The app signing in through the provider: secrets in a temporary file (--secrets.files),
    so the repository's .streamlit/ and the user's ~/.streamlit are not read or touched."""
    folder = tmp_path_factory.mktemp("signin")
    shutil.copy(built_db, folder / "scores.duckdb")
    port = _free_port()
    (folder / "secrets.toml").write_text(
        f"""[auth]
redirect_uri = "http://127.0.0.1:{port}/oauth2callback"
cookie_secret = "{os.urandom(24).hex()}"
client_id = "scores-dashboard"
client_secret = "not-a-real-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[roles]
admin = ["{ADMIN}"]
editor = ["{EDITOR}"]
""",
        encoding="utf-8",
    )
    process, url = start_server(
        folder / "scores.duckdb",
        port=port,
        args=("--secrets.files", str(folder / "secrets.toml")),
        env={"SCORES_ADMIN_PASSWORD": None},  # only the identity provider signs in here
    )
    yield url, folder / "scores.duckdb", process
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(autouse=True)
def patient():
    """Under load a page draws in tens of seconds: every expectation here waits up to a minute."""
    expect.set_options(timeout=60000)
    yield
    expect.set_options(timeout=5000)  # Playwright's default, for the other tests


def data_page(context, url: str):
    page = context.new_page()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(url + "/data")
    expect(page.get_by_role("tab", name="Nhập kết quả mới")).to_be_visible(timeout=60000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30000)
    return page


def sign_in(browser, url: str, email: str):  # noqa: F811
    """A fresh browser (no cookie) signed in as `email` at the provider, back on the Data page."""
    context = browser.new_context()
    page = data_page(context, url)
    page.get_by_role("button", name=SIGN_IN).first.click()
    page.locator(f'button[name="sub"][value="{email}"]').click()
    back_in_app(page, url)
    return context, data_page(context, url)


def back_in_app(page, url: str) -> None:
    """Wait until the provider has sent the browser back to the app (past the callback)."""
    page.wait_for_url(lambda at: at.startswith(url) and "/oauth2callback" not in at, timeout=30000)


def idle(page) -> None:
    """Wait until no script run is going on."""
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60000)


def uploader(page):
    return page.locator('[data-testid="stFileUploaderDropzoneInput"]')


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"signin_{name}.png"), full_page=True)


@pytest.mark.parametrize("subject", ["unverified", "no-email", ADMIN.upper()])
def test_the_administrator_s_address_without_a_verified_email_is_refused(
    site,
    browser,  # noqa: F811
    subject,
):
    url, database, _ = site
    context, page = sign_in(browser, url, subject)
    expect(page.get_by_text("không gửi địa chỉ thư điện tử đã được xác minh").first).to_be_visible()
    expect(page.get_by_role("button", name="Đăng nhập lại").first).to_be_visible()
    expect(uploader(page)).to_be_disabled()
    idle(page)
    shoot(page, f"refused_{subject.split('@')[0]}")
    page.get_by_role("tab", name="Lịch sử công bố").click()
    expect(page.get_by_role("button", name="Khôi phục phiên bản này")).to_have_count(0)
    context.close()


# Last: it stops the server to read the database.
def test_editor_uploads_admin_restores_stranger_neither(site, browser, tmp_path):  # noqa: F811
    url, database, server = site
    # A stranger: told plainly, no upload, no restore, and sign-out works.
    context, page = sign_in(browser, url, STRANGER)
    expect(page.get_by_text("không có trong danh sách").first).to_be_visible()
    expect(uploader(page)).to_be_disabled()
    page.get_by_role("tab", name="Lịch sử công bố").click()
    expect(page.get_by_role("button", name="Khôi phục phiên bản này")).to_have_count(0)
    shoot(page, "stranger")
    idle(page)  # a click during a script run can land on a button the run then replaces
    page.get_by_role("button", name="Đăng xuất").filter(visible=True).first.click()
    page.wait_for_url(lambda at: "/oauth2/end_session" in at, timeout=60000)
    page.get_by_role("button", name="End session").click()  # the provider's own sign-out page
    back_in_app(page, url)
    page = data_page(context, url)
    expect(page.get_by_role("button", name=SIGN_IN).first).to_be_visible()
    context.close()

    # An editor: uploads a release; restoring is not theirs.
    context, page = sign_in(browser, url, EDITOR)
    expect(page.get_by_text(f"Đã đăng nhập: {EDITOR} (biên tập viên)")).to_be_visible()
    (tmp_path / "sipas_2024.csv").write_text(UPLOAD, encoding="utf-8")
    uploader(page).set_input_files(str(tmp_path / "sipas_2024.csv"))
    # Fewer units than the current release (Hải Dương would leave the view): confirmed first.
    page.get_by_text("Tôi xác nhận đây là bảng công bố một phần").click(timeout=60000)
    page.get_by_role("button", name="Lưu thành bản công bố mới").click(timeout=60000)
    expect(page.get_by_text("Đã lưu").first).to_be_visible(timeout=60000)
    page.get_by_role("tab", name="Lịch sử công bố").click()
    expect(page.get_by_text("việc này cần quyền quản trị viên").first).to_be_visible()
    expect(page.get_by_role("button", name="Khôi phục phiên bản này")).to_have_count(0)
    expect(page.get_by_text("Tệp gốc đã nhập")).to_have_count(0)  # originals: administrators
    shoot(page, "editor")
    context.close()

    # An administrator: restores the version the editor replaced.
    context, page = sign_in(browser, url, ADMIN)
    page.get_by_role("tab", name="Lịch sử công bố").click()
    expect(page.get_by_text("Tệp gốc đã nhập").first).to_be_visible()
    page.get_by_role("button", name="Khôi phục phiên bản này").click()
    expect(page.get_by_text("Đã khôi phục lần công bố").first).to_be_visible(timeout=60000)
    page = data_page(context, url)  # a new run reads the change history again
    page.get_by_role("tab", name="Lịch sử công bố").click()
    # Names are shown escaped: a word joiner after "@" keeps an address from becoming a link.
    shown = ADMIN.replace("@", "@\u2060")
    expect(page.get_by_text(f"{shown} đã khôi phục").first).to_be_visible(timeout=60000)
    shoot(page, "admin")
    context.close()

    server.terminate()  # the app holds the database file open while it runs
    server.wait(timeout=20)
    with duckdb.connect(str(database), read_only=True) as con:
        log = con.execute("SELECT who, role, action FROM audit_log ORDER BY changed_at").fetchall()
    assert (EDITOR, "editor", "release_imported") in log
    with duckdb.connect(str(database), read_only=True) as con:
        imported = con.execute(
            "SELECT after FROM audit_log WHERE action = 'release_imported' AND who = $who",
            {"who": EDITOR},
        ).fetchone()[0]
    assert f'"sub": "{EDITOR}"' in imported and '"issuer": "http://127.0.0.1:' in imported
    assert (ADMIN, "admin", "restored") in log
    assert (STRANGER, "viewer", "sign_in_refused") in log
    assert ("secrets.toml", "admin", "roles_loaded") in log
