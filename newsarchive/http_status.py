"""The HTTP statuses that mean something to an archive: a re-checked article unchanged, an article gone."""

from http import HTTPStatus

NOT_MODIFIED = int(HTTPStatus.NOT_MODIFIED)  # 304 to a conditional re-check: the article is unchanged
GONE_STATUSES = (int(HTTPStatus.NOT_FOUND), int(HTTPStatus.GONE))  # 404, 410: the article was removed
RECORDED_AS_IS = (NOT_MODIFIED, *GONE_STATUSES)  # answers stored without extraction
