"""The remediation plan in the app: the gap page in both languages, actions on the pages that
list them (the forms that add and change one: tests/app/test_actions_panel.py)."""

from conftest import as_read, open_view

from scores import db
from scores.roles import Actor
from scores.store.actions import Action, add

EDITOR = Actor("t", "editor")


def open_plan(app, **params):
    return open_view(app, "plan", **params)


def metrics(app) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in app.metric}


def test_plan_shows_the_gap_to_rank_5_as_a_simulation_in_vietnamese(app):
    open_plan(app, index="PCI")
    assert app.title[0].value == "Kế hoạch khắc phục: Hà Nội"
    shown = metrics(app)
    # PCI 2021 as published: Hà Nội 68.60, 10th; Vĩnh Phúc 5th with 69.69. The city's rank
    # target (top 5, from the targets table) is the default.
    assert shown["Hiện nay"] == ("68,60", "hạng 10/63")
    assert shown["Số điểm cần thêm"][0] == "1,09"
    assert shown["Theo đề xuất"] == ("69,69", "hạng 5/63")
    assert "không phải dự báo" in app.info[0].value
    assert "Các năm 2022, 2023, 2024 chưa công bố đủ" in " ".join(c.value for c in app.caption)
    table = as_read(app.table[0])
    assert table.iloc[0]["Chỉ số thành phần"] == "Tính minh bạch"  # the largest room first
    assert table.iloc[0]["Đề xuất tăng"] == "0,54"


def test_plan_in_english(app):
    open_plan(app, index="PAPI", year="2024", lang="en")
    assert app.title[0].value == "Remediation plan: Hanoi"
    shown = metrics(app)
    # PAPI 2024: the sum of eight dimensions, 61 provinces published; Hà Nội 43.77, 29th.
    assert shown["Now"] == ("43.77", "rank 29 of 61")
    assert shown["With the proposal"] == ("45.73", "rank 5 of 61")
    assert "Not a forecast" in app.info[0].value
    assert as_read(app.table[0]).iloc[0]["Sub-indicator"] == "Environmental governance"


def test_what_if_moves_total_and_rank_and_a_value_target_can_be_met(app):
    open_plan(app, index="PCI")
    # Transparency 5.2088 -> 6.21 at 2 points per point: 68.6028 + 2.0025 = 70.6053, above
    # Đồng Tháp (70.5345, 3rd) and just below Hải Phòng (70.6094, 2nd): rank 3.
    app.number_input(key="whatif_PCI_2021_transparency").set_value(6.21).run()
    shown = metrics(app)
    assert shown["Điểm tổng giả định"] == ("70,61", "2,00")
    assert shown["Thứ hạng giả định"][0] == "hạng 3/63"
    app.radio(key="plan_kind_PCI").set_value("value").run()
    app.number_input(key="plan_value_PCI").set_value(68.0).run()
    assert "đã đạt mục tiêu 68 điểm" in app.markdown[0].value


def test_an_index_without_components_says_so_and_points_to_the_data_page(app):
    open_plan(app, index="SIPAS")
    assert app.info[0].value == (
        "SIPAS chưa công bố đủ các chỉ số thành phần tạo nên điểm tổng (hiện chỉ có số liệu báo "
        "chí), nên chưa thể mô phỏng. Xem trang Dữ liệu để biết những gì đã công bố và nhập bảng "
        "đầy đủ khi có."
    )
    # The pointer is a link to the Data page, not only words naming it.
    links = [(link.proto.page, link.proto.label) for link in app.get("page_link")]
    assert links == [("data", "Dữ liệu")]
    assert not app.metric


def test_actions_appear_beside_their_indicator_and_on_targets(app, db_file):
    with db.connect(db_file) as con:
        action = Action("01", "PCI", "transparency", "Sở Nội vụ", "Công khai", "2020-01-31")
        add(con, action, EDITOR)
    app.query_params["index"] = "PCI"
    app.switch_page("views/components.py").run()
    assert not app.exception
    table = as_read(app.table[0])
    row = table[table["Chỉ số thành phần"] == "Tính minh bạch"].iloc[0]
    assert row["Nhiệm vụ khắc phục"] == "Sở Nội vụ: ⚠ chưa bắt đầu · quá hạn"
    # Began in 2026: the baseline is 2021, the last year published before it.
    assert "Chỉ số từ khi bắt đầu: 2021: 5,21" in " ".join(c.value for c in app.caption)
    app.switch_page("views/targets.py").run()
    assert not app.exception
    assert app.warning[0].value == "1 nhiệm vụ đã quá hạn mà chưa hoàn thành."
