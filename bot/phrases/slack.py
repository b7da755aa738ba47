"""The Slack app's phrases (mrkdwn: ``&``, ``<`` and ``>`` written escaped), and the names
of an explained command's parts there (data only)."""

from __future__ import annotations

from bot.lang import Lang

Phrases = dict[str, dict[Lang, str]]

SLACK: Phrases = {
    "share": {"ko": "채널에 공유", "en": "Share to channel"},
    "home_dm": {"ko": "DM(앱과의 대화)", "en": "DM"},
    "others": {"ko": "다른 답변", "en": "Other answers"},
    "run": {"ko": "실행해 보기", "en": "Run it"},
    "flags": {"ko": "플래그", "en": "Flags"},
    "related": {"ko": "관련 명령", "en": "Related"},
    "did_you_mean": {"ko": "혹시 이걸 찾으셨나요?", "en": "Did you mean…"},
    "no_answer": {
        "ko": "알맞은 답을 찾지 못했어요.",
        "en": "I could not find an answer to that.",
    },
    "no_answer_hint": {
        "ko": "다르게 물어보거나 `/docker help`로 사용법을 확인해 보세요.",
        "en": "Try other words, or see `/docker help`.",
    },
    "no_others": {"ko": "다른 답변이 없어요.", "en": "There are no other answers."},
    "asked_by": {"ko": "{user}님의 질문: {q}", "en": "{user} asked: {q}"},
    "cut": {
        "ko": "… Slack 메시지 크기 제한 때문에 {n}개 블록을 생략했어요.",
        "en": "… {n} more block(s) left out to fit Slack's message limits.",
    },
    "explain_title": {"ko": "명령어 풀이", "en": "Command explained"},
    "risks": {"ko": "주의할 점", "en": "Risks"},
    "safer": {"ko": "더 안전한 방법", "en": "Safer"},
    "exec_title": {"ko": "{host}에서 {op} 결과", "en": "{op} on {host}"},
    "exec_empty": {"ko": "(결과 없음)", "en": "(nothing to show)"},
    "exec_truncated": {
        "ko": "결과가 길어서 일부만 보여드려요.",
        "en": "The result was cut to keep it short.",
    },
    "exec_running": {
        "ko": "⏳ {host}에서 {op} 실행 중… 결과는 곧 이 자리에 보여드려요.",
        "en": "⏳ Running {op} on {host}… the result will follow here.",
    },
    "exec_off": {
        "ko": "{op}은(는) Docker 상태 조회 명령이지만, 이 워크스페이스에서는 명령 실행 기능이 꺼져 "
        "있어요. 관리자가 `DOCKBOT_EXEC_ENABLED=1`(또는 설정 파일의 `exec.enabled: true`)과 "
        "정책 파일로 읽기 전용 조회를 켤 수 있어요.",
        "en": "{op} is a Docker status command, but running commands is turned off here. "
        "An admin can enable read-only lookups with `DOCKBOT_EXEC_ENABLED=1` (or "
        "`exec.enabled: true` in the config file) and a policy file.",
    },
    "exec_not_allowed": {
        "ko": "{op}은(는) 이 채널에서 실행할 수 없어요. 필요하면 관리자에게 실행 정책 파일에서 "
        "그 명령이 있는 역할(`policy.users` 또는 `policy.usergroups`)을 주고 이 채널의 "
        "`policy.channels.CHANNEL_ID.ops`에 넣어 달라고 요청하세요. "
        "`/docker help`에서 실행할 수 있는 "
        "명령을 볼 수 있어요.",
        "en": "You cannot run {op} in this channel. If you need it, ask an admin to give you a "
        "role that has it (`policy.users` or `policy.usergroups` in the executor policy file) "
        "and to list it in this channel's `policy.channels.CHANNEL_ID.ops`. `/docker help` lists "
        "what you may run.",
    },
    "help_title": {"ko": "dockbot 사용법", "en": "How to use dockbot"},
    "help_body": {
        "ko": "• `/docker &lt;질문&gt;` — Docker 사용법을 물어보세요. 예: `/docker 컨테이너 "
        "백그라운드 실행`\n• `/docker explain &lt;명령어&gt;` — 명령어를 플래그별로 풀이해요. "
        "예: `/docker explain docker run -dp 80:80 nginx`\n"
        "• 명령어를 그대로 붙여 넣어도 풀이해 드려요.\n"
        "• `/docker 배우기 [번호]` — 팀 노트로 만든 온보딩 코스를 한 수업씩 따라 해요.\n"
        "• 채널에서 `@dockbot 질문`으로 부르거나 DM으로 물어보면 스레드로 답해요.\n"
        "• 답변은 나에게만 보여요. `채널에 공유` 버튼으로 공유할 수 있어요.",
        "en": "• `/docker &lt;question&gt;` — ask how to do something with Docker, e.g. "
        "`/docker run a container in the background`\n"
        "• `/docker explain &lt;command&gt;` — a flag-by-flag "
        "explanation, e.g. `/docker explain docker run -dp 80:80 nginx`\n• Pasting a docker "
        "command works too.\n• `/docker learn [N]` — the onboarding course from the team "
        "notes, one lesson at a time.\n• Mention `@dockbot` in a channel or send a DM: I "
        "answer in a thread.\n• Answers are visible only to you; use `Share to channel` to "
        "post them.",
    },
    "help_exec": {
        "ko": "*상태 조회 (읽기 전용)*\n여기서 실행할 수 있는 명령: {ops}\n호스트: {hosts} "
        "(예: `/docker ps @호스트`)",
        "en": "*Status lookups (read-only)*\nYou may run here: {ops}\nHosts: {hosts} "
        "(e.g. `/docker ps @host`)",
    },
    "help_no_exec": {
        "ko": "Docker 상태 조회 명령은 여기서 사용할 수 없어요.",
        "en": "Docker status lookups are not available to you here.",
    },
    "home_title": {"ko": "dockbot에 오신 걸 환영해요", "en": "Welcome to dockbot"},
    "home_intro": {
        "ko": "팀 노트를 바탕으로 만든 Docker 치트시트 도우미예요. 개념을 순서대로 훑어보고, "
        "핵심 명령어를 익힌 다음, 궁금한 건 언제든 물어보세요.",
        "en": "A Docker cheat-sheet assistant built from the team notes. Read the concepts in "
        "order, learn the core commands, then ask anything.",
    },
    "home_concepts": {"ko": "1단계 · 개념", "en": "Step 1 · Concepts"},
    "home_commands": {"ko": "2단계 · 핵심 명령어", "en": "Step 2 · Core commands"},
    "home_how": {"ko": "3단계 · 물어보는 방법", "en": "Step 3 · How to ask"},
    "home_how_body": {
        "ko": "• `/docker 이미지 목록 보기` 처럼 평소 말투로 물어보세요.\n"
        "• `/docker explain docker run -d -p 80:80 nginx` 로 명령어를 풀이해요.\n"
        "• 채널에서 `@dockbot`을 부르거나 이 앱에 DM을 보내도 돼요.\n"
        "• `/docker help` 로 전체 사용법을 볼 수 있어요.",
        "en": "• Ask in your own words: `/docker list images`.\n"
        "• `/docker explain docker run -d -p 80:80 nginx` explains a command.\n"
        "• Mention `@dockbot` in a channel or send this app a DM.\n"
        "• `/docker help` shows everything.",
    },
    "home_exec": {
        "ko": "내가 쓸 수 있는 상태 조회 (읽기 전용)",
        "en": "Status lookups you may use (read-only)",
    },
    "gaps_title": {"ko": "답하지 못한 질문", "en": "Questions not answered well"},
    "gaps_summary": {
        "ko": "최근 {since} 동안 질문 {questions}개 중 {gaps}개가 답을 못 찾았거나 확신이 낮았거나 "
        "👎를 받았어요 ({groups}개 묶음). 많이 물어본 순서예요.",
        "en": "In the last {since}, {gaps} of {questions} questions were abstained on, answered "
        "with low confidence or voted 👎 ({groups} groups), most asked first.",
    },
    "gaps_asked": {"ko": "{n}번 물어봄", "en": "asked {n} time(s)"},
    "gaps_nearest": {"ko": "가까운 항목", "en": "nearest entries"},
    "gaps_drafts": {
        "ko": "초안 항목은 `dockbot kb gaps LOG` 로 받을 수 있어요.",
        "en": "Draft entries: `dockbot kb gaps LOG`.",
    },
    "gaps_none": {"ko": "답하지 못한 질문이 없어요.", "en": "No unanswered questions."},
    "gaps_denied": {
        "ko": "`/docker gaps` 는 실행 정책의 admin 역할만 볼 수 있어요.",
        "en": "Only the admin role of the executor policy may see `/docker gaps`.",
    },
    "gaps_off": {
        "ko": "질문 로그가 꺼져 있어요. DOCKBOT_QUESTION_LOG 에 파일 경로를 설정하세요.",
        "en": "The question log is off. Set DOCKBOT_QUESTION_LOG to a file path.",
    },
    "feedback_thanks": {
        "ko": "의견 고마워요! 지식 베이스를 개선하는 데 쓸게요.",
        "en": "Thanks for the feedback! It helps improve the knowledge base.",
    },
    "lesson_of": {"ko": "수업 {n}/{total}", "en": "Lesson {n} of {total}"},
    "lesson_try": {"ko": "따라 해 보기", "en": "Try it"},
    "lesson_example": {"ko": "예시", "en": "Example"},
    "lesson_lab": {
        "ko": "설치 없이 해 보려면 브라우저 실습 환경을 여세요: {lab}",
        "en": "No Docker yet? Try it in the browser lab: {lab}",
    },
    "lesson_check": {"ko": "확인 문제", "en": "Quick check"},
    "lesson_right": {"ko": "✅ 맞았어요!", "en": "✅ Right!"},
    "lesson_wrong": {"ko": "❌ 아쉬워요. 정답은 “{answer}”예요.",
                     "en": "❌ Not quite: the answer is “{answer}”."},
    "lesson_next": {"ko": "다음 수업 ▶", "en": "Next ▶"},
    "lesson_prev": {"ko": "◀ 이전 수업", "en": "◀ Previous"},
    "lesson_done": {
        "ko": "🎉 마지막 수업이에요. 이제 이미지를 만들고, 실행하고, 공유할 수 있어요!",
        "en": "🎉 That was the last lesson: you can now build, run and share an image!",
    },
    "lesson_start": {"ko": "온보딩 코스 시작", "en": "Start the course"},
    "home_course": {
        "ko": "*온보딩 코스* — 팀 노트를 {total}개의 짧은 수업으로 정리했어요. "
        "수업마다 따라 할 명령과 확인 문제가 있어요. `/docker learn` 또는 "
        "`/docker 배우기`로 시작하거나 아래 버튼을 누르세요.",
        "en": "*Onboarding course* — the team notes as {total} short lessons, each with a "
        "command to try and a quick check. Start with `/docker learn`, or the button below.",
    },
    "lesson_answer_hint": {
        "ko": "답해 보기: `dockbot learn {n} --answer 번호`",
        "en": "Answer with `dockbot learn {n} --answer NUMBER`",
    },
    "lesson_nav_hint": {
        "ko": "다음 수업: `dockbot learn {next}`",
        "en": "Next lesson: `dockbot learn {next}`",
    },
    "fill_menu": {"ko": "{ph} 자리에 지금 있는 이름을 넣어 볼까요?",
                  "en": "Fill {ph} with a name that exists now:"},
    "fill_pick": {"ko": "이름 고르기", "en": "Pick a name"},
    "fill_ready": {"ko": "복사해서 쓰세요 (dockbot은 아무것도 실행하지 않았어요):",
                   "en": "Ready to copy (dockbot ran nothing):"},
    "expired": {
        "ko": "이 버튼은 더 이상 쓸 수 없어요. 다시 물어봐 주세요.",
        "en": "This button no longer works. Please ask again.",
    },
    "internal": {
        "ko": "요청을 처리하지 못했어요. 잠시 후 다시 시도해 주세요. "
        "계속되면 관리자에게 알려주세요.",
        "en": "Something went wrong handling that. Try again in a moment; if it keeps "
        "happening, tell whoever runs dockbot.",
    },
}


SLACK_ROLES: Phrases = {
    "docker": {"ko": "도커 CLI", "en": "docker CLI"},
    "global-flag": {"ko": "전역 옵션", "en": "global option"},
    "subcommand": {"ko": "하위 명령", "en": "sub-command"},
    "flag": {"ko": "플래그", "en": "flag"},
    "flag-value": {"ko": "플래그 값", "en": "flag value"},
    "image": {"ko": "이미지", "en": "image"},
    "container": {"ko": "컨테이너", "en": "container"},
    "command": {"ko": "컨테이너 안에서 실행할 명령", "en": "command run in the container"},
    "argument": {"ko": "인자", "en": "argument"},
    "separator": {"ko": "구분자", "en": "separator"},
    "shell": {"ko": "셸 문법(docker가 받지 않음)", "en": "shell syntax (not docker's)"},
}
