"""The workers' scheduler: scrapy-redis's shared queue and duplicate filter, with requests in flight kept safe.

Each crawl (a spider on a site) has its own priority queue and duplicate filter in Redis
(:class:`~newsarchive.distributed.keys.CrawlKeys`). A request popped from the queue is recorded in
the crawl's in-flight hash under the worker's id, in the same Lua call, until its response and
everything that came of it (the record pushed to Redis included) is processed, or until it is
replaced by its retry or redirect. Workers beat every ``NEWSARCHIVE_REDIS_HEARTBEAT`` seconds; the
in-flight requests of a worker silent for three beats (killed) are put back in the queue by the
others, so a killed worker loses nothing. A worker that finds no live worker, no queued and no
in-flight request starts a new crawl (clears the duplicate filter), unless that crawl finished less
than ``NEWSARCHIVE_REDIS_RECRAWL_AFTER`` seconds ago and the writer run it finished in (if any) is
still the one storing: a worker arriving late (started by a timer on a slower machine, or going
through several sites in turn) then has nothing to do, since every start request is in the
duplicate filter. Otherwise it joins the crawl.
A worker whose queue is empty stays while other workers still have requests in flight. Each
request is fetched once by the whole crawl, ``dont_filter`` ones included, but for retries and redirects.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from twisted.internet.task import LoopingCall

from newsarchive.distributed.connection import connect
from newsarchive.distributed.keys import CRAWLS, WORKERS, WRITER_RUN, CrawlKeys

logger = logging.getLogger(__name__)

INFLIGHT_META = "newsarchive_inflight"
MISSED_BEATS = 3  # a worker silent for this many heartbeats is dead

# KEYS: workers, requests, inflight, dupefilter, crawls, finished, writer run;
# ARGV: member, now, live_since, crawl, finished_since. Returns STARTS, JOINS or FINISHED_ALREADY.
JOIN = """
local live = 0
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], '+inf')) do
  if string.sub(member, 1, #ARGV[4] + 1) == ARGV[4] .. '|' then live = live + 1 end
end
local outcome = 1
if live == 0 and redis.call('ZCARD', KEYS[2]) == 0 and redis.call('HLEN', KEYS[3]) == 0 then
  local at = redis.call('HGET', KEYS[6], 'at')
  local run = redis.call('HGET', KEYS[6], 'writer_run') or ''
  if at and tonumber(at) >= tonumber(ARGV[5]) and (run == '' or run == (redis.call('GET', KEYS[7]) or '')) then
    outcome = 2
  else
    redis.call('DEL', KEYS[4], KEYS[6])
    outcome = 0
  end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[4])
return outcome
"""
STARTS, JOINS, FINISHED_ALREADY = 0, 1, 2

# KEYS: requests, inflight, finished, writer run; ARGV: now. A crawl with nothing queued or in
# flight when a worker leaves is finished: when, and for which writer run.
FINISH = """
if redis.call('ZCARD', KEYS[1]) > 0 or redis.call('HLEN', KEYS[2]) > 0 then return 0 end
redis.call('HSET', KEYS[3], 'at', ARGV[1], 'writer_run', redis.call('GET', KEYS[4]) or '')
return 1
"""

# KEYS: requests, inflight; ARGV: worker id
POP = """
local popped = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #popped == 0 then return nil end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1] .. '|' .. popped[1], popped[2])
return popped
"""

# KEYS: workers, inflight, requests; ARGV: live_since, crawl, worker id to treat as gone ('' for none)
REQUEUE_ORPHANS = """
local live = {}
local prefix = ARGV[2] .. '|'
local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #members, 2 do
  local member, beat = members[i], tonumber(members[i + 1])
  if string.sub(member, 1, #prefix) == prefix then
    local worker = string.sub(member, #prefix + 1)
    if beat >= tonumber(ARGV[1]) and worker ~= ARGV[3] then
      live[worker] = true
    else
      redis.call('ZREM', KEYS[1], member)
    end
  end
end
local requeued = 0
local entries = redis.call('HGETALL', KEYS[2])
for i = 1, #entries, 2 do
  local field = entries[i]
  local separator = string.find(field, '|', 1, true)
  if not live[string.sub(field, 1, separator - 1)] then
    redis.call('ZADD', KEYS[3], entries[i + 1], string.sub(field, separator + 1))
    redis.call('HDEL', KEYS[2], field)
    requeued = requeued + 1
  end
end
return requeued
"""


class RedisScheduler(Scheduler):
    """scrapy-redis's Scheduler, one queue and duplicate filter per crawl, with in-flight tracking."""

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        scheduler = cls(server=connect(settings.get("NEWSARCHIVE_REDIS_URL")), persist=True,
                        queue_cls="scrapy_redis.queue.PriorityQueue")
        scheduler.crawler = crawler
        scheduler.stats = crawler.stats
        scheduler.heartbeat = settings.getfloat("NEWSARCHIVE_REDIS_HEARTBEAT")
        scheduler.recrawl_after = settings.getfloat("NEWSARCHIVE_REDIS_RECRAWL_AFTER")
        scheduler.worker_id = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        crawler.signals.connect(scheduler.track_finished_responses, signal=signals.spider_opened)
        crawler.signals.connect(scheduler.stay_while_others_work, signal=signals.spider_idle)
        return scheduler

    def open(self, spider):
        self.keys = CrawlKeys.of(spider.name, spider.site)
        self.queue_key = self.keys.requests
        self.df = RFPDupeFilter(self.server, key=self.keys.dupefilter)
        self.member = f"{self.keys.name}|{self.worker_id}"
        now = time.time()
        outcome = self.server.eval(JOIN, 7, WORKERS, self.keys.requests, self.keys.inflight, self.keys.dupefilter,
                                   CRAWLS, self.keys.finished, WRITER_RUN, self.member, now, self.live_since(),
                                   self.keys.name, now - self.recrawl_after)
        self.finished_already = outcome == FINISHED_ALREADY
        if self.finished_already:
            self.stats.set_value("newsarchive/redis/finished_already", 1)
            logger.info("The crawl %s finished less than NEWSARCHIVE_REDIS_RECRAWL_AFTER (%g s) ago, in the writer "
                        "run storing now: worker %s has nothing to do", self.keys.name, self.recrawl_after,
                        self.worker_id)
        else:
            logger.info("Worker %s %s the crawl %s", self.worker_id, "starts" if outcome == STARTS else "joins",
                        self.keys.name)
        super().open(spider)
        self.requeue_orphans()
        self.beat = LoopingCall(self.beat_once)
        self.beat.start(self.heartbeat, now=False)

    def close(self, reason):
        if getattr(self, "beat", None) is not None and self.beat.running:
            self.beat.stop()
        requeued = self.requeue_orphans(leaving=True)
        if requeued:
            logger.info("Put back %d unfinished requests in the queue", requeued)
        self.server.zrem(WORKERS, self.member)
        if not self.finished_already:  # a late worker does not move the end of the crawl it found finished
            self.server.eval(FINISH, 4, self.keys.requests, self.keys.inflight, self.keys.finished, WRITER_RUN,
                             time.time())
        super().close(reason)

    def live_since(self) -> float:
        return time.time() - MISSED_BEATS * self.heartbeat

    def beat_once(self) -> None:
        self.server.zadd(WORKERS, {self.member: time.time()})
        self.requeue_orphans()

    def requeue_orphans(self, leaving: bool = False) -> int:
        """Put back in the queue the in-flight requests of dead workers (and this one's, when leaving)."""
        requeued = self.server.eval(REQUEUE_ORPHANS, 3, WORKERS, self.keys.inflight, self.keys.requests,
                                    self.live_since(), self.keys.name, self.worker_id if leaving else "")
        if requeued and not leaving:
            logger.warning("Put back in the queue %d requests of a worker that stopped beating", requeued)
            self.stats.inc_value("newsarchive/redis/requeued", requeued)
        return requeued

    def enqueue_request(self, request):
        """Queue a request, unless some worker of the crawl already did: ``dont_filter`` only lets
        through a request that replaces one this worker popped (a retry, a redirect), since every
        worker starts with the same requests (robots.txt...) and reads the same sitemaps."""
        replaced = request.meta.pop(INFLIGHT_META, None)
        if replaced is None and request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        queued = super().enqueue_request(request)
        if replaced is not None:
            self.server.hdel(self.keys.inflight, replaced)
        return queued

    def next_request(self):
        popped = self.server.eval(POP, 2, self.keys.requests, self.keys.inflight, self.worker_id)
        if not popped:
            return None
        data, _ = popped
        request = self.queue._decode_request(data)
        request.meta[INFLIGHT_META] = f"{self.worker_id}|".encode() + data
        self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def track_finished_responses(self, spider) -> None:
        """A request leaves the in-flight hash when the scraper is done with its response or failure."""
        slot = self.crawler.engine.scraper.slot
        finish_response = slot.finish_response

        def finish_and_acknowledge(result, request):
            finish_response(result, request)
            done = request.meta.get(INFLIGHT_META)
            if done is not None:
                self.server.hdel(self.keys.inflight, done)

        slot.finish_response = finish_and_acknowledge

    def stay_while_others_work(self, spider) -> None:
        self.requeue_orphans()
        if len(self.queue) or self.server.hlen(self.keys.inflight):
            raise DontCloseSpider
