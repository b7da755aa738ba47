"""Unexpected failures: logged with their traceback, and the user is told what to do.

:func:`on_error` is the app's one error handler. Bolt answers a button click with
"unhandled request" after 3 s when its listener raises after ``ack()`` (it resets the
ack), so button listeners are wrapped by :func:`bot.slack.clicks.on_click`, which
sends their failures to the same handler instead of back into Bolt.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import BoltResponse, Respond
from slack_sdk import WebClient

from bot.lang import detect_lang
from bot.render.blockkit import w


def on_error(
    error: Exception,
    body: dict[str, Any],
    response: BoltResponse | None,
    respond: Respond | None,
    client: WebClient | None,
    logger: logging.Logger,
) -> BoltResponse | None:
    """Log the failure and tell the user, in their language, what to do."""
    logger.error("listener failed: %s", type(error).__name__, exc_info=error)
    event = body.get("event") if isinstance(body.get("event"), dict) else None
    lang = detect_lang(str(body.get("text") or (event or {}).get("text") or ""), "en")
    text = w("internal", lang)
    if response is not None and body.get("command"):
        reply = json.dumps({"response_type": "ephemeral", "text": text})
        return BoltResponse(status=200, body=reply, headers={"content-type": "application/json"})
    try:
        if respond is not None and body.get("response_url"):
            respond(text=text, response_type="ephemeral", replace_original=False)
        elif client is not None and event is not None and isinstance(event.get("channel"), str):
            client.chat_postMessage(channel=event["channel"], text=text,
                                    thread_ts=event.get("thread_ts") or event.get("ts"))
    except Exception as exc:  # the report itself failed; the log has both
        logger.warning("could not report the failure to the user: %s", type(exc).__name__)
    return None
