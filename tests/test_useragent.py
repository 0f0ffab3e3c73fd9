"""``NEWSARCHIVE_CONTACT`` puts the crawl operator's contact into the User-Agent."""

from crawling import crawl_settings


def test_the_contact_goes_into_the_user_agent():
    agent = crawl_settings(NEWSARCHIVE_CONTACT="mailto:lab@example.org")["USER_AGENT"]
    assert agent.startswith("newsarchive/") and agent.endswith("(research news archiver; +mailto:lab@example.org)")


def test_without_a_contact_the_project_page_is_named():
    assert crawl_settings()["USER_AGENT"].endswith("+https://github.com/newsarchive/newsarchive)")


def test_a_user_agent_given_on_the_command_line_is_kept():
    settings = crawl_settings(NEWSARCHIVE_CONTACT="mailto:lab@example.org", USER_AGENT="mybot/1.0")
    assert settings["USER_AGENT"] == "mybot/1.0"
