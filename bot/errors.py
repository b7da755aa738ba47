"""One error tree for everything a user can see.

Every error carries a short machine ``code``, a ``message`` that says what went
wrong, a ``hint`` that says what to do, and the CLI ``exit_code``. Third-party
exceptions are translated into these at the edges (``raise X(...) from exc``);
nothing else reaches a user.

    DockbotError
    ├── ConfigError            settings or config files are missing or invalid
    ├── KnowledgeError         the knowledge base cannot be loaded
    ├── InputError             the user's text cannot be used as given
    │   ├── ExplainError       the text is not a docker command line we can read
    │   ├── ButtonError        a button's value is not one dockbot wrote
    │   └── LessonNotFound     the lesson number is outside the course
    ├── SlackUnavailable       Slack (Socket Mode's websocket) cannot be reached
    └── ExecError              the read-only executor did not run the request
        ├── ExecDisabled       the executor is off
        ├── ExecRefused        the text is not an allowed read-only operation
        ├── ExecDenied         the policy does not allow this user/channel/host
        ├── ExecBusy           every worker is busy
        ├── ExecRateLimited    too many requests from this user or channel
        ├── StateUnavailable   the shared store (Redis) holding the rate limits is down
        ├── HostUnreachable    the Docker host cannot be reached
        ├── ExecTimeout        the overall deadline passed
        ├── ExecNotFound       the container (or other object) does not exist
        └── DaemonError        the Docker daemon answered with an error
"""

from __future__ import annotations


class DockbotError(Exception):
    """Base of every error dockbot shows to a user."""

    code = "error"
    exit_code = 1
    default_message = "Something went wrong."
    default_hint = ""

    def __init__(
        self, message: str | None = None, *, hint: str | None = None, key: str | None = None
    ) -> None:
        self.message = message or self.default_message
        self.hint = self.default_hint if hint is None else hint
        self.key = key  # which fixed message this is (e.g. "mention"), when it is one
        super().__init__(self.message)

    def user_text(self) -> str:
        """The message and the hint, as one line a user can act on."""
        return f"{self.message} {self.hint}".strip()

    def to_dict(self) -> dict[str, object]:
        return {"ok": False, "error": self.code, "message": self.user_text()}


class ConfigError(DockbotError):
    """A setting or configuration file is missing or invalid."""

    code = "config"
    exit_code = 2
    default_message = "The configuration is invalid."
    default_hint = "Check the settings described in the README."


class KnowledgeError(DockbotError):
    """The knowledge base could not be loaded."""

    code = "knowledge"
    exit_code = 2
    default_message = "The knowledge base could not be loaded."
    default_hint = "Run `dockbot kb check` to see every problem with its file and line."
    problems: tuple[object, ...] = ()  # every problem found (bot.kb.model.Problem), when known


class InputError(DockbotError):
    """The user's text cannot be used as given."""

    code = "bad_input"
    exit_code = 2
    default_message = "That input cannot be used."
    default_hint = "Type a question or a docker command as plain text."


class ExplainError(InputError):
    """The text is not a docker command line that can be explained."""

    code = "bad_command"
    default_message = "That is not a docker command line."
    default_hint = 'Paste a command that starts with `docker`, e.g. `docker run -d -p 80:80 nginx`.'


class SlackUnavailable(DockbotError):
    """Socket Mode cannot connect to Slack (dockbot keeps retrying)."""

    code = "slack_unavailable"
    exit_code = 3
    default_message = "Slack cannot be reached in Socket Mode."
    default_hint = ("Check the network path to Slack (or SLACK_API_URL) and that SLACK_APP_TOKEN "
                    "is a valid xapp- token with connections:write.")


class ExecError(DockbotError):
    """The read-only executor did not run the request."""

    code = "exec_error"
    exit_code = 2


class ExecDisabled(ExecError):
    """The executor is switched off (the default)."""

    code = "disabled"
    exit_code = 2
    default_message = "Running Docker commands is turned off."
    default_hint = (
        "An admin can enable read-only status commands with DOCKBOT_EXEC_ENABLED=1 "
        "or `exec.enabled: true` in the config file."
    )


class ExecRefused(ExecError):
    """The text is not one of the allowed read-only operations."""

    code = "refused"
    exit_code = 2
    default_message = "That is not an allowed read-only operation."
    default_hint = (
        "`dockbot exec --help` (or `/docker help` in Slack) lists the allowed operations."
    )


class ExecDenied(ExecError):
    """The policy does not allow this operation for this user, channel or host."""

    code = "denied"
    exit_code = 2
    default_message = "You are not allowed to run that here."
    default_hint = "Ask an admin to grant it in the executor policy file."


class ExecBusy(ExecError):
    """Every executor worker is busy."""

    code = "busy"
    exit_code = 3
    default_message = "dockbot is busy running other requests."
    default_hint = "Try again in a few seconds."


class ExecRateLimited(ExecError):
    """Too many requests from this user or channel."""

    code = "rate_limited"
    exit_code = 3
    default_message = "Too many requests in a short time."
    default_hint = "Wait a minute and try again."


class StateUnavailable(ExecError):
    """The shared store that holds the rate limits (Redis) cannot be reached."""

    code = "state_unavailable"
    exit_code = 3
    default_message = "dockbot cannot check its rate limits right now."
    default_hint = "Try again in a minute; if it persists, ask whoever runs dockbot to check Redis."


class HostUnreachable(ExecError):
    """The Docker host cannot be reached."""

    code = "unreachable"
    exit_code = 3
    default_message = "The Docker host cannot be reached."
    default_hint = "Check that the Docker daemon is running and the host alias is configured."


class ExecTimeout(ExecError):
    """The overall deadline passed before the Docker host answered."""

    code = "timeout"
    exit_code = 3
    default_message = "The Docker host did not answer in time."
    default_hint = "The host may be overloaded; try again later."


class ExecNotFound(ExecError):
    """The named container or object does not exist on the host."""

    code = "not_found"
    exit_code = 2
    default_message = "No such container on that host."
    default_hint = "Check the name with `ps -a`."


class DaemonError(ExecError):
    """The Docker daemon answered with an error."""

    code = "daemon_error"
    exit_code = 3
    default_message = "The Docker daemon returned an error."
    default_hint = "Try again; if it persists, ask whoever runs that host."


class ButtonError(InputError):
    """A button's or menu's value is not one dockbot wrote (stale, tampered or garbage)."""

    code = "bad_button"
    default_message = "This button no longer works."
    default_hint = "Ask again to get fresh buttons."


class LessonNotFound(InputError):
    """The lesson number is outside the onboarding course."""

    code = "no_lesson"
    default_message = "There is no such lesson."
    default_hint = "Start with lesson 1 (`learn 1`)."
