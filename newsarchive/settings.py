"""Scrapy settings of the newsarchive project.

Every newsarchive-specific setting is prefixed ``NEWSARCHIVE_``; see docs/architecture.md and the README.
"""

import os

from newsarchive.storage.location import default_archive
from newsarchive.crawl.useragent import user_agent

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Say who crawls: NEWSARCHIVE_CONTACT (environment variable or -s) is a URL or mailto: of yours that
# goes into the User-Agent (newsarchive.crawl.useragent); without it, the project's page.
NEWSARCHIVE_CONTACT = os.environ.get("NEWSARCHIVE_CONTACT")
USER_AGENT = user_agent("https://github.com/newsarchive/newsarchive")  # the contact add-on: ADDONS below

# Politeness: robots.txt obeyed, AutoThrottle on, bounded concurrency per domain.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Outputs of one response processed at once in the item pipelines. A page yields one article at most
# (listings and sitemaps yield requests, handled at once), and Scrapy starts this many asyncio tasks
# for every response: its default of 100 cost ~1 ms of the reactor's CPU per page.
CONCURRENT_ITEMS = 8
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 5

# Oversized responses are dropped by Scrapy's downloader (counted in the stats).
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# Scrapy's HTTP/1.1 handler, with a bound on the bytes of the status line and headers (NEWSARCHIVE_MAX_HEADER_SIZE).
DOWNLOAD_HANDLERS = {scheme: "newsarchive.crawl.headers.BoundedHeadersDownloadHandler" for scheme in ("http", "https")}

# Keep cookies out of an archive crawl.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # Scrapy's HTTP endpoint that runs Python code: off, like the telnet console

ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.scope.ScopePipeline": 150,
    "pipelines.dedup.DedupPipeline": 200,
    "pipelines.store.SQLitePipeline": 300,  # a Redis worker's RedisRecordPipeline instead (ADDONS below)
    "pipelines.output.ArticleRecordPipeline": 900,  # hands the feed exports (-O out.jsonl) the record
}

# The crawl's run of its archive: the lock, the run record, the summary line and the exit status
# (newsarchive.runs.extension); after Scrapy's own extensions, so that the run records their final stats.
# The objects of the crawl's start-up left out of garbage collection once it has started (newsarchive.crawl.gc_freeze).
EXTENSIONS = {"newsarchive.runs.extension.CrawlRun": 1000, "newsarchive.crawl.gc_freeze.FreezeStartupObjects": 1100}

# The archive. The environment variable wins over this default (data/archive.db of the project, whatever
# the working directory: newsarchive.storage.location); `-s NEWSARCHIVE_DB=...` wins over both.
NEWSARCHIVE_DB = os.environ.get("NEWSARCHIVE_DB") or str(default_archive())
NEWSARCHIVE_STORE = True  # off: nothing read from or written to the archive (scrapy parse, -O out.jsonl only); no WARC either unless NEWSARCHIVE_WARC_DIR is set
NEWSARCHIVE_BATCH_SIZE = 50
NEWSARCHIVE_KEEP_RAW = True
NEWSARCHIVE_DEDUP_ENABLED = True  # drop copies of an article seen earlier in the same crawl (their URLs are recorded)

# Pages are extracted in this many worker processes while the crawl goes on (0: in the crawl
# process); by default, one per core left to the crawl process itself.
NEWSARCHIVE_EXTRACT_WORKERS = max(0, (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                                      else os.cpu_count() or 1) - 1)
# The crawl process (when its engine starts) and each extraction worker (once started) move the objects they hold
# then out of the cyclic garbage collector's work: its full collections no longer walk them (newsarchive.crawl.gc_freeze).
NEWSARCHIVE_GC_FREEZE = True

LOG_LEVEL = "INFO"
STATS_DUMP = True

FEED_EXPORT_ENCODING = "utf-8"
# `-O articles.csv`: one flat column per record key (lists joined with " | ")
FEED_EXPORTERS = {"csv": "newsarchive.crawl.feed_exports.ArticleCsvItemExporter"}

# `scrapy check onemedia -a base_url=URL`: contracts against a copy of the site (the offline sample)
SPIDER_CONTRACTS = {
    "newsarchive.crawl.contracts.UrlPathContract": 1,
    "newsarchive.crawl.contracts.CompleteRecordContract": 20,
}

# Log a dropped or scraped item by its URL, not by its (large) raw body; drops are expected
# events here (pages that are not articles), counted in the stats, so they log at INFO.
LOG_FORMATTER = "newsarchive.crawl.logformatter.NewsLogFormatter"
DEFAULT_DROPITEM_LOG_LEVEL = "INFO"

# --- Scheduled, incremental crawls (see "Running it every 15 minutes" in the README) ---

# `scrapy crawl` with exit statuses for schedulers, the archive lock and the log options below.
COMMANDS_MODULE = "newsarchive.runs.scrapy_commands"

# Articles outside a restricted crawl (-a since=..., -a category=...) are dropped after extraction.

NEWSARCHIVE_FULL_CRAWL = False  # -a full=1: fetch every page, whatever the archive holds
NEWSARCHIVE_SINCE = None  # -a since=2025-08-01: only articles published since then (Paris time)
NEWSARCHIVE_CATEGORY = None  # -a category=france: only that category
NEWSARCHIVE_PROFILES_DIR = None  # folders of your own site profiles (os.pathsep-separated); else the environment variable
NEWSARCHIVE_RECHECK_UNLISTED = True  # re-check archived articles the sitemaps no longer list (removed?)

NEWSARCHIVE_LOCK_WAIT = 0  # seconds to wait for another run to release the archive; 0: exit at once

# A page that fails after its retries is a warning like any failed fetch; a run "finished with
# errors" (exit status 1) when errors were logged or more than this percent of its requests failed
# (0: any failed page).
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
NEWSARCHIVE_FAILED_PAGES_TOLERANCE = 0.0

NEWSARCHIVE_QUIET = False  # for cron: log warnings and the one-line summary only
NEWSARCHIVE_LOG_FILE = None  # also log to this file, rotated
NEWSARCHIVE_LOG_FILE_LEVEL = "INFO"
NEWSARCHIVE_LOG_MAX_BYTES = 10 * 1024 * 1024
NEWSARCHIVE_LOG_BACKUP_COUNT = 5

# A page budget per site, on the spider's requests as it yields them (never queued past it): after Scrapy's
# depth and URL length filters (900, 800), so that what they drop spends no budget.
SPIDER_MIDDLEWARES = {"newsarchive.crawl.budget.PageBudgetMiddleware": 100}

DOWNLOADER_MIDDLEWARES = {
    # Just before RedirectMiddleware (600) on the way back: a redirect loop is an error, not a silent drop.
    "newsarchive.crawl.redirects.RedirectLoopMiddleware": 650,
    # robots.txt obeyed strictly (unreadable: the site is not crawled), Retry-After.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newsarchive.crawl.robots.StrictRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsarchive.crawl.retry_after.RetryAfterMiddleware": 550,
    # Every try's outcome, before the retries: a site that stops answering closes the spider.
    "newsarchive.crawl.unreachable.UnreachableSiteMiddleware": 560,
    # Next to the downloader: every response as served (before decompression), the request as sent.
    "newsarchive.warc.middleware.WarcMiddleware": 890,
}

# --- The archive as a web archive (see "Your archive as a web archive" in the README) ---
NEWSARCHIVE_WARC = True  # write every response of the crawl into gzip WARC/1.1 files
NEWSARCHIVE_WARC_DIR = ""  # empty: warc/ beside the archive (data/warc/ for the default archive); a Redis worker
# writes WARC files only when this is set (its own; the archive points to the records `newsarchive store` writes)
NEWSARCHIVE_WARC_MAX_SIZE = 1_000_000_000  # bytes: a file is rolled at this size

# --- Many machines (see "Running on several machines" in the README) ---
# A worker: -s NEWSARCHIVE_REDIS_URL=redis://HOST:PORT/N shares its queue and duplicate filter in Redis
# and pushes records there for `newsarchive store`, instead of writing an archive (the RedisWorker add-on,
# enabled by that setting only: a crawl without it has no Redis component).
NEWSARCHIVE_REDIS_URL = None
NEWSARCHIVE_REDIS_HEARTBEAT = 5.0  # seconds; a worker silent for 3 beats is dead: its requests are re-queued
NEWSARCHIVE_REDIS_STATE_WAIT = 30.0  # seconds a worker waits for the writer to publish the archive's state
NEWSARCHIVE_REDIS_RECRAWL_AFTER = 300.0  # seconds: a crawl finished sooner, in the same writer run, is not started again
# Add-ons: the Redis worker (above), the User-Agent's contact (top), and the components a setting of their own
# turns off (cookies, the remote control, the telnet console) left out of the component lists, never imported
# (newsarchive.crawl.components).
ADDONS = {"newsarchive.distributed.addon.RedisWorker": 0, "newsarchive.crawl.useragent.ContactUserAgent": 0,
          "newsarchive.crawl.components.LeaveOutSwitchedOffComponents": 0}

# --- Safety limits against hostile pages, sites and input (see "Safety and limits" in the README) ---

NEWSARCHIVE_JSONLD_MAX_DEPTH = 32  # JSON-LD scripts nested deeper are left out of a page
NEWSARCHIVE_EXTRACTION_TIME_LIMIT = 10.0  # seconds per page; fields not read by then are left out
# attributes one HTML tag may have in a page the crawl process parses (listings; articles when
# NEWSARCHIVE_EXTRACT_WORKERS=0): the parser's time is quadratic in them (0: no limit)
NEWSARCHIVE_MAX_ATTRIBUTES = 2_000
NEWSARCHIVE_MAX_INFLATED_SIZE = 50 * 1024 * 1024  # bytes a gzip sitemap or feed may inflate to (the sitemaps protocol's limit)
NEWSARCHIVE_SITEMAP_MAX_URLS = 50_000  # entries read from one sitemap (the sitemaps protocol's limit) or feed
NEWSARCHIVE_SITEMAP_MAX_DEPTH = 3  # sitemap indexes followed one inside another
NEWSARCHIVE_SITEMAP_MAX_COUNT = 2_000  # sitemaps read per run
NEWSARCHIVE_MAX_PAGES_PER_SITE = 100_000  # requests to one site per run (0: no limit)
NEWSARCHIVE_MAX_HEADER_SIZE = 256 * 1024  # bytes of an answer's status line and headers (0: no limit)
NEWSARCHIVE_ROBOTS_MAX_SIZE = 500 * 1024  # a larger robots.txt means the site is not crawled
NEWSARCHIVE_RETRY_AFTER_MAX = 120  # seconds a Retry-After may ask to wait; longer: no retry
# Requests to one site failing this many times in a row (no answer, or a 5xx; retries count) mean it stopped
# answering: the spider is closed (site_unreachable, exit status 1) rather than try each page left (0: never).
# Broken pages fail among answers (their retries, at the end of a run, are not counted); a site that went down
# fails every request: 20 of them, with those the downloader holds (16, at its death and at the 20th), take a moment
# when connections are refused, at most (20 + 2 x 16) x DOWNLOAD_TIMEOUT / 4 at once (6.5 min) when they time out.
NEWSARCHIVE_UNREACHABLE_AFTER = 20
