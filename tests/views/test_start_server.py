"""start_server fails loudly, with the server's own output, when the server does not come up."""

import pytest
from test_browser import start_server

pytestmark = pytest.mark.slow  # starts streamlit processes


def test_a_server_that_exits_fails_the_test_with_its_log(built_db):
    with pytest.raises(pytest.fail.Exception) as failed:
        start_server(built_db, args=("--server.noSuchOption", "1"))
    message = str(failed.value)
    assert "exited with code" in message and "noSuchOption" in message  # streamlit's own words


def test_a_server_not_healthy_in_time_fails_the_test_and_is_stopped(built_db):
    with pytest.raises(pytest.fail.Exception) as failed:
        start_server(built_db, timeout=0.01)
    assert "was not healthy in 0.01 s. Its output:" in str(failed.value)
