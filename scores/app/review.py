"""The Data page's review of an upload (the diff against the current release, the commit
buttons, what the stored versions say, the commit) and of stored releases (originals, restore)."""

import pandas as pd
import streamlit as st

from scores.analysis import diff
from scores.app import access, cache, state
from scores.app.understood import unit_sentence, whole
from scores.app.upload import escape, original, refused_box
from scores.i18n import day, describe, number
from scores.ingest.importer import Prepared
from scores.roles import Actor, NotAllowed, require
from scores.store import releases as store
from scores.store import service
from scores.store.imports import against_stored


def diff_view(prepared: Prepared, labels: dict[str, str]) -> pd.DataFrame:
    """The new values against the current release of the same index and year."""
    current = cache.load(
        "current_release_by_index_year", index_code=prepared.index_code, year=prepared.year
    )
    if current.empty:
        name = state.index_names().get(prepared.index_code, prepared.index_code)
        st.info(state.tr("upload.first_release", index=name, year=prepared.year))
        old = pd.DataFrame(columns=diff.KEY + ["value", "rank"])
    else:
        old = cache.load("values_by_release", release_id=int(current["release_id"].iloc[0]))
    changes = diff.compare(old, prepared.parsed.values)
    counts = diff.summary(changes)
    if not current.empty and counts["same"] == len(changes):
        st.info(state.tr("upload.identical"))
    else:
        st.markdown(counts_line(counts))
    if counts["rounded"]:
        st.caption(state.tr("upload.rounding_rule"))
    lacking = diff.lacking_ranks(old, prepared.parsed.values)
    if lacking:
        shown = ", ".join(labels.get(code, code) for code in lacking)
        said = {"count": len(lacking), "indicators": shown}
        st.caption(unit_sentence(prepared.index_code, "upload.lacks_ranks", **said))
    year_units = cache.index_units_in(prepared.index_code, prepared.year)
    names = {u.province_code: state.unit_name(u) for u in year_units}
    unit_word = unit_sentence(prepared.index_code, "table.province")
    st.dataframe(diff_table(changes, names, labels, unit_word), hide_index=True, width="stretch")
    return changes


def counts_line(counts: dict[str, int]) -> str:
    """'N new values, N changed, N only rounded…' in the chosen language."""
    return state.tr("upload.diff_counts", **{k: whole(v) for k, v in counts.items()})


def diff_table(
    changes: pd.DataFrame,
    names: dict[str, str],
    labels: dict[str, str],
    unit_word: str | None = None,
) -> pd.DataFrame:
    """The values that do not stay the same, as text in the chosen language's number format.

    The new value is shown with the decimals the file printed, the old one and the difference
    with at least 4, so a rounding can be seen (60,741 -> 60,74).
    """
    shown, lang = changes[changes["status"] != "same"], state.lang()
    printed = shown["decimals"].astype("float64").fillna(2).astype(int).tolist()
    precise, whole = [max(4, d) for d in printed], [0] * len(shown)

    def column(name: str, digits: list[int], fixed: bool = True) -> list[str]:
        pairs = zip(shown[name].astype("float64"), digits, strict=True)
        return [number(value, lang, places, fixed) for value, places in pairs]

    return pd.DataFrame(
        {
            unit_word or state.tr("table.province"): shown["province_code"].map(
                lambda c: names.get(c, c)
            ),
            state.tr("components.component"): shown["indicator"].map(lambda c: labels.get(c, c)),
            state.tr("diff.value_old"): column("value_old", precise, fixed=False),
            state.tr("diff.value_new"): column("value_new", printed),
            state.tr("diff.change"): column("change", precise, fixed=False),
            state.tr("diff.rank_old"): column("rank_old", whole),
            state.tr("diff.rank_new"): column("rank_new", whole),
            state.tr("diff.status"): shown["status"].map(lambda s: state.tr(f"diff.{s}")),
        }
    )


def commit_buttons(counts: dict[str, int]) -> bool:
    """The commit button; True when clicked. An upload that only restates the current release
    with fewer decimals says so and offers to keep the more precise figures (writes nothing)."""
    if not diff.only_rounded(counts):
        return st.button(state.tr("data.commit"), type="primary", key="commit")
    st.warning(state.tr("upload.only_rounded", rounded=counts["rounded"]))
    keep, replace = st.columns(2)
    if keep.button(state.tr("upload.keep_precise"), type="primary", key="keep_precise"):
        st.success(state.tr("upload.kept"))
        return False
    return replace.button(state.tr("upload.commit_rounded"), key="commit")


def confirmed_against_stored(prepared: Prepared) -> bool | None:
    """What the stored versions say before a commit: None when the file is already stored (the
    reason shown, no commit); for a file covering fewer units than the current release, the
    warning naming the units that would leave the view and a box to confirm it is partial
    (True once ticked); otherwise False (nothing to confirm)."""
    with cache.cursor() as con:
        problems = against_stored(con, prepared)
    if problems and problems[0].rule == "already_stored":
        refused_box(problems)
        return None
    if not problems:
        return False
    st.warning(escape(describe(problems[0], state.lang())))
    return st.checkbox(state.tr("upload.confirm_partial"), key="confirm_partial") or None


def save_and_commit(
    prepared: Prepared, data: bytes, source: store.Source, actor: Actor, partial: bool = False
) -> int:
    """Keep the original file by checksum, then store the release (one transaction); the
    importer refuses an actor below editor before anything is written."""
    require(actor, "editor")  # before the original is kept, too
    with cache.cursor() as con:
        return service.store_upload(con, prepared, data, source, actor, partial)


def restore_preview(releases: pd.DataFrame, release_id: int) -> dict[str, int]:
    """What restoring a superseded release would change against the current one (counts)."""
    row = releases[releases["release_id"] == release_id].iloc[0]
    current = cache.load(
        "current_release_by_index_year", index_code=row["index_code"], year=int(row["year"])
    )
    old = cache.load("values_by_release", release_id=int(current["release_id"].iloc[0]))
    return diff.summary(diff.compare(old, cache.load("values_by_release", release_id=release_id)))


def originals(releases: pd.DataFrame) -> None:
    """The kept original of a release, to download; administrators only (an original may hold
    more than the release: formulas, other sheets)."""
    kept = {
        int(r.release_id): f"{r.index_code} {r.year} v{r.version}: {r.file_name}"
        for r in releases.itertuples()
        if original(r.sha256, r.file_name) is not None
    }
    if not kept or not access.signed_in():
        return
    chosen = st.selectbox(
        state.tr("data.original"), list(kept), format_func=kept.get, key="original_choice"
    )
    row = releases[releases["release_id"] == chosen].iloc[0]
    path = original(row["sha256"], row["file_name"])
    st.download_button(
        state.tr("data.download_original"),
        lambda: path.read_bytes(),
        str(row["file_name"]),
        key="original_download",
        on_click="ignore",
    )


def restore(releases: pd.DataFrame) -> None:
    """A superseded release made current again, its changes counted first."""
    superseded, lang = releases[releases["status"] == "superseded"], state.lang()
    options = {
        int(r.release_id): f"{r.index_code} {r.year} v{r.version} ({day(r.imported_at, lang)})"
        for r in superseded.itertuples()
    }
    if not options:
        return
    chosen = st.selectbox(
        state.tr("data.restore_which"), list(options), format_func=options.get, key="restore_choice"
    )
    st.markdown(counts_line(restore_preview(releases, chosen)))
    if st.button(state.tr("data.restore"), key="restore"):
        try:
            with cache.cursor() as con:
                store.restore(con, chosen, access.actor())
        except NotAllowed as error:
            access.refused(error)
            st.stop()
        st.cache_data.clear()
        st.success(state.tr("data.restored", release=chosen))
