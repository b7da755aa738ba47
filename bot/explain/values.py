"""What a value means: ports (``80:80``), image names (``user/repo:tag``), volumes, KEY=VALUE ..."""

from __future__ import annotations

import re

from bot.lang import Lang
from bot.phrases import phrase, table_phrase
from bot.secrets import is_secret_assignment

# -- images ------------------------------------------------------------------------------
_DIGEST = re.compile(r"^(?P<name>[^@]+)@(?P<digest>[\w+.-]+:[0-9a-fA-F]{8,})$")


def split_image(ref: str) -> tuple[str | None, str, str | None, str | None]:
    """``registry``, ``repository``, ``tag``, ``digest`` of an image reference."""
    digest = None
    m = _DIGEST.match(ref)
    if m:
        ref, digest = m["name"], m["digest"]
    registry = None
    first, slash, rest = ref.partition("/")
    if slash and ("." in first or ":" in first or first == "localhost"):
        registry, ref = first, rest
    repo, colon, tag = ref.rpartition(":")
    if not colon or "/" in tag:
        repo, tag = ref, ""
    return registry, repo, tag or None, digest


def explain_image(ref: str, lang: Lang) -> str:
    if ref.startswith("$") or "`" in ref:
        return phrase("explain.values.image_name_taken_from_a", lang)
    registry, repo, tag, digest = split_image(ref)
    bits: list[str] = []
    if registry:
        bits.append(phrase("explain.values.registry", lang, registry=registry))
    if "/" in repo:
        owner, _, name = repo.rpartition("/")
        if registry:
            bits.append(phrase("explain.values.repository", lang, repo=repo))
        else:
            bits.append(
                phrase("explain.values.docker_hub_repository_of_user", lang, name=name, owner=owner)
            )
    elif registry:
        bits.append(phrase("explain.values.repository", lang, repo=repo))
    else:
        bits.append(
            phrase("explain.values.a_local_image_named_or", lang, repo=repo)
        )
    if digest:
        bits.append(
            phrase("explain.values.pinned_to_digest", lang, digest=digest[:19])
        )
    if tag:
        bits.append(phrase("explain.values.tag", lang, tag=tag))
    elif not digest:
        bits.append(
            phrase("explain.values.tag_latest_no_tag_given", lang)
        )
    return ", ".join(bits)


# -- ports -------------------------------------------------------------------------------
_PORT_NUM = re.compile(r"^\d+(?:-\d+)?$")


def parse_port(value: str) -> tuple[str | None, str | None, str, str] | None:
    """``(ip, host port, container port, protocol)`` of a ``-p`` value, or None."""
    rest, _, proto = value.partition("/")
    if proto and proto not in ("tcp", "udp", "sctp"):
        return None
    ip: str | None = None
    if rest.startswith("["):  # [::1]:8080:80
        end = rest.find("]")
        if end < 0:
            return None
        ip, rest = rest[: end + 1], rest[end + 2 :]
    pieces = rest.split(":")
    if ip is None and len(pieces) > 3:  # bare IPv6 address
        ip, pieces = ":".join(pieces[:-2]), pieces[-2:]
    elif ip is None and len(pieces) == 3:
        ip, pieces = pieces[0], pieces[1:]
    container = pieces[-1]
    host = pieces[0] if len(pieces) == 2 else None
    if not _PORT_NUM.match(container) or (host and not _PORT_NUM.match(host)):
        return None
    return ip or None, host or None, container, proto or "tcp"


def explain_port(value: str, lang: Lang) -> str:
    parsed = parse_port(value)
    if parsed is None:
        pieces = value.split(":")
        if len(pieces) == 2 and all(pieces):
            return phrase(
                "explain.values.host_port_to_container_port", lang,
                host=pieces[0], container=pieces[1],
            )
        return phrase("explain.values.port_mapping_ip_host_port", lang)
    ip, host, container, proto = parsed
    proto_txt = "" if proto == "tcp" else f"/{proto}"
    if host:
        text = phrase("explain.values.host_port_to_container_port", lang,
                      host=host, container=f"{container}{proto_txt}")
    else:
        text = phrase("explain.values.container_port_on_a_random_host_port", lang,
                      container=f"{container}{proto_txt}")
    if ip in (None, "0.0.0.0", "::", "[::]"):
        return text + phrase("explain.values.on_every_network_interface", lang)
    if ip in ("127.0.0.1", "localhost", "[::1]", "::1") or (ip or "").startswith("127."):
        return text + phrase("explain.values.only_from_this_machine", lang, ip=ip)
    return text + phrase("explain.values.only_on_the_host_address", lang, ip=ip)




def is_host_path(src: str) -> bool:
    return src.startswith(("/", ".", "~", "$", "`")) or bool(re.match(r"^[A-Za-z]:[\\/]", src))


def socket_words(path: str, lang: Lang) -> str | None:
    """What a host socket is (the Docker engine's own socket, another socket), or None."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    if name == "docker.sock":
        return phrase("explain.values.the_host_s_docker_socket", lang)
    if name.endswith(".sock"):
        return phrase("explain.values.the_host_socket", lang)
    return None


def docker_socket_note(path: str, read_only: bool, lang: Lang) -> str:
    if path.rstrip("/").rsplit("/", 1)[-1] != "docker.sock":
        return ""
    text = phrase("explain.values.it_is_the_docker_engine", lang)
    if read_only:
        text += phrase("explain.values.read_only_does_not_make", lang)
    return text


def split_volume(value: str) -> tuple[str | None, str, list[str]]:
    """``(source, container path, options)`` of a ``-v`` value."""
    drive = re.match(r"^([A-Za-z]:[\\/][^:]*)(:.*)?$", value)
    if drive:
        head, tail = drive.group(1), (drive.group(2) or "")[1:]
        parts = [head, *tail.split(":")] if tail else [head]
    else:
        parts = value.split(":")
    if len(parts) == 1:
        return None, parts[0], []
    return parts[0], parts[1], [o for p in parts[2:] for o in p.split(",") if o]


def explain_volume(value: str, lang: Lang) -> str:
    src, dst, opts = split_volume(value)
    if src is not None and src.startswith("<"):
        text = phrase("explain.values.a_host_folder_or_a", lang, src=src, dst=dst)
    elif src is None:
        text = phrase("explain.values.anonymous_volume_mounted_at_in", lang, dst=dst)
    elif is_host_path(src) and (sock := socket_words(src, lang)):
        text = phrase(
            "explain.values.in_the_container_bind_mount", lang, sock=sock, src=src, dst=dst,
        ) + docker_socket_note(src, "ro" in opts, lang)
    elif is_host_path(src):
        text = phrase("explain.values.host_folder_in_the_container", lang, src=src, dst=dst)
        here = next((w for w in ("$(pwd)", "${PWD}", "$PWD") if w in src), None)
        if here:
            text += phrase("explain.values.is_the_current_directory", lang, here=here)
    else:
        text = phrase("explain.values.named_volume_in_the_container", lang, src=src, dst=dst)
    names = [
        table_phrase("volume_options", o, lang) or o for o in opts
    ]
    if names:
        text += f" [{', '.join(names)}]"
    return text


def mount_fields(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in value.split(","):
        key, eq, val = part.partition("=")
        out[key.strip().lower()] = val.strip() if eq else "true"
    return out


def explain_mount(value: str, lang: Lang) -> str:
    f = mount_fields(value)
    kind = f.get("type", "volume")
    src = f.get("source") or f.get("src") or ""
    dst = f.get("target") or f.get("destination") or f.get("dst") or "?"
    ro = any(k in f for k in ("readonly", "ro")) and f.get("readonly", f.get("ro")) != "false"
    if kind == "bind" and (sock := socket_words(src, lang)):
        text = phrase(
            "explain.values.bind_mount_of_in_the", lang, sock=sock, src=src, dst=dst,
        ) + docker_socket_note(src, ro, lang)
    elif kind == "bind":
        text = phrase("explain.values.bind_mount_host_in_the", lang, src=src, dst=dst)
    elif kind == "tmpfs":
        text = phrase("explain.values.tmpfs_memory_at", lang, dst=dst)
    else:
        text = phrase(
            "explain.values.mount_to_in_the_container", lang,
            kind=kind, src=src or phrase("explain.values.anonymous", lang), dst=dst,
        )
    return text + (phrase("explain.values.read_only", lang) if ro else "")


# -- KEY=VALUE, sizes, policies ----------------------------------------------------------
def is_secret(key: str, val: str) -> bool:
    """A non-empty value under a secret-looking name: never repeated back (answers can be
    shared to a channel). The names are those of :mod:`bot.secrets`."""
    return is_secret_assignment(key, val)


def explain_env(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    if not eq:
        return phrase("explain.values.variable_its_value_copied_from", lang, key=key)
    if is_secret(key, val):
        return phrase("explain.values.variable_set_to_a_secret", lang, key=key)
    return phrase("explain.values.variable_set_to", lang, key=key, val=val)


_SIZE = re.compile(r"^(\d+(?:\.\d+)?)([bkmgt]?)b?$", re.I)
_UNITS = {"": "bytes", "b": "bytes", "k": "KiB", "m": "MiB", "g": "GiB", "t": "TiB"}


def is_size(value: str) -> bool:
    return _SIZE.match(value) is not None


def explain_size(value: str, lang: Lang) -> str:
    m = _SIZE.match(value)
    if not m:
        return phrase("explain.values.size_number_with_b_k", lang)
    amount = f"{m[1]} {_UNITS[m[2].lower()]}"
    return phrase("explain.values.text", lang, amount=amount)




def explain_restart(value: str, lang: Lang) -> str:
    policy, _, count = value.partition(":")
    out = table_phrase("restart", policy, lang)
    if out is None:
        return phrase("explain.values.restart_policy", lang)
    if count:
        out += phrase("explain.values.at_most_times", lang, count=count)
    return out


def explain_network(value: str, lang: Lang) -> str:
    if (mode := table_phrase("network", value, lang)) is not None:
        return mode
    if value.startswith("container:"):
        name = value.partition(":")[2]
        return phrase("explain.values.share_the_network_of_container", lang, name=name)
    return phrase("explain.values.user_defined_network_containers_on", lang, value=value)


def explain_filter(value: str, lang: Lang) -> str:
    key, eq, val = value.partition("=")
    what = table_phrase("filter_keys", key, lang, v=val)
    if not eq or what is None:
        return phrase("explain.values.filter", lang, value=value)
    return what


def explain_host(value: str, lang: Lang) -> str:
    if value.startswith("ssh://"):
        return phrase("explain.values.a_remote_docker_engine_reached", lang)
    if value.startswith("unix://") or value.startswith("npipe://"):
        return phrase("explain.values.a_local_docker_engine_socket", lang)
    if value.startswith("tcp://"):
        return phrase("explain.values.a_remote_docker_engine_over", lang)
    return phrase("explain.values.docker_engine_address", lang)


def explain_format(value: str, lang: Lang) -> str:
    if value == "json":
        return phrase("explain.values.print_json", lang)
    if value.startswith("table"):
        return phrase("explain.values.a_table_with_the_columns", lang)
    if "{{" in value:
        return phrase("explain.values.go_template_prints_a_field", lang)
    return phrase("explain.values.output_format", lang)

