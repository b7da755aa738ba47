"""What a container's logging settings mean: ``--log-driver`` and ``--log-opt KEY=VALUE``."""

from __future__ import annotations

from bot.explain.values import explain_size, is_secret, is_size, tr
from bot.lang import Lang
from bot.phrases import phrase

# --log-opt KEY=VALUE: key -> (English, Korean), {v} is the value
LOG_OPTS: dict[str, tuple[str, str]] = {
    "max-size": (
        "rotate the log file when it reaches {v} (json-file/local drivers)",
        "로그 파일이 {v}가 되면 새 파일로 교체(json-file/local 드라이버)",
    ),
    "max-file": (
        "keep at most {v} log files; the oldest is deleted (needs max-size)",
        "로그 파일을 최대 {v}개까지 보관하고 가장 오래된 것을 지움(max-size와 함께)",
    ),
    "compress": (
        "compress rotated log files: {v}",
        "교체된 로그 파일 압축 여부: {v}",
    ),
    "mode": (
        "log delivery mode {v} (non-blocking: the app never waits for the log driver; "
        "lines may be dropped when the buffer is full)",
        "로그 전달 방식 {v}(non-blocking이면 앱이 로그 드라이버를 기다리지 않고, 버퍼가 차면 "
        "줄이 버려질 수 있음)",
    ),
    "max-buffer-size": (
        "buffer of {v} for non-blocking mode",
        "non-blocking 모드의 버퍼 크기 {v}",
    ),
    "tag": ("tag written with each log line: {v}", "로그 줄마다 붙는 태그: {v}"),
    "labels": (
        "add these container labels to each log line: {v}",
        "로그에 함께 기록할 컨테이너 레이블: {v}",
    ),
    "env": (
        "add these environment variables to each log line: {v}",
        "로그에 함께 기록할 환경 변수: {v}",
    ),
    "syslog-address": ("send the logs to the syslog server {v}", "syslog 서버 {v}로 로그 전송"),
    "gelf-address": ("send the logs to the GELF server {v}", "GELF 서버 {v}로 로그 전송"),
    "fluentd-address": ("send the logs to Fluentd at {v}", "Fluentd {v}로 로그 전송"),
    "awslogs-region": ("AWS region of CloudWatch Logs: {v}", "CloudWatch Logs의 AWS 리전: {v}"),
    "awslogs-group": ("CloudWatch log group {v}", "CloudWatch 로그 그룹 {v}"),
    "awslogs-stream": ("CloudWatch log stream {v}", "CloudWatch 로그 스트림 {v}"),
    "splunk-url": ("send the logs to Splunk at {v}", "Splunk {v}로 로그 전송"),
}
LOG_DRIVERS: dict[str, tuple[str, str]] = {
    "json-file": (
        "JSON files on the host (the default; `docker logs` reads them)",
        "호스트의 JSON 파일(기본값; `docker logs`로 읽음)",
    ),
    "local": (
        "compact files on the host, rotated by default (`docker logs` reads them)",
        "호스트의 압축된 파일, 기본으로 교체됨(`docker logs`로 읽음)",
    ),
    "none": (
        "no logs at all (`docker logs` shows nothing)",
        "로그를 남기지 않음(`docker logs`에 아무것도 안 나옴)",
    ),
    "journald": ("the systemd journal (journalctl)", "systemd 저널(journalctl)"),
    "syslog": ("a syslog server", "syslog 서버"),
    "gelf": ("a GELF endpoint such as Graylog or Logstash", "Graylog·Logstash 같은 GELF 수신처"),
    "fluentd": ("Fluentd", "Fluentd"),
    "awslogs": ("Amazon CloudWatch Logs", "Amazon CloudWatch Logs"),
    "splunk": ("Splunk", "Splunk"),
}


def explain_log_opt(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return phrase("explain.log_values.log_driver_option_write_it", lang, value=value)
    if is_secret(key, val):
        return phrase("explain.log_values.log_driver_option_set_to", lang, key=key)
    text = LOG_OPTS.get(key)
    if key in ("max-size", "max-buffer-size") and is_size(val):
        val = explain_size(val, lang)
    if text is None:
        return phrase("explain.log_values.log_driver_option", lang, key=key, val=val)
    return tr(lang, text[0].format(v=val), text[1].format(v=val))


def explain_log_driver(value: str, lang: Lang) -> str:
    text = LOG_DRIVERS.get(value)
    if text is None:
        return phrase("explain.log_values.log_driver", lang, value=value)
    if value == "none":
        return tr(lang, f"log driver none: {text[0]}", f"로그 드라이버 none: {text[1]}")
    return tr(
        lang,
        f"log driver {value}: logs go to {text[0]}",
        f"로그 드라이버 {value}: 로그를 {text[1]}에 남김",
    )
