"""A Redis worker's settings: what the add-on changes, and that what the user gave is kept (no Redis server needed)."""

from crawling import crawl_settings

REDIS = "redis://127.0.0.1:1/0"


def test_a_worker_does_not_recheck_unlisted_articles():
    settings = crawl_settings(NEWSARCHIVE_REDIS_URL=REDIS)
    assert settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED") is False
    assert settings["SCHEDULER"] == "newsarchive.distributed.scheduler.RedisScheduler"


def test_a_recheck_given_on_the_command_line_is_kept_by_a_worker():
    settings = crawl_settings(NEWSARCHIVE_REDIS_URL=REDIS, NEWSARCHIVE_RECHECK_UNLISTED="True")
    assert settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED") is True


def test_without_a_redis_url_the_project_default_stays():
    settings = crawl_settings()
    assert settings.getbool("NEWSARCHIVE_RECHECK_UNLISTED") is True
    assert "RedisScheduler" not in str(settings["SCHEDULER"])
