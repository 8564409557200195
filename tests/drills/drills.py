"""Fault drills: real Redis and real Celery workers running what the program generates.

Usage: /usr/bin/python3 tests/drills/drills.py <generated-dir>

Each <generated-dir> is the output of `dotnet run --project stacks/Cli -- generate <stack> --out <dir>`:
superset_config.py, redis-broker.conf, redis-cache.conf and pools.json. Nothing here restates a
setting: the Redis servers start from the generated files, the workers from the generated command
lines, the preStop hooks from the generated hooks, Celery from the generated CELERY_CONFIG.

What the drills change, and why:
- every process binds to 127.0.0.1 on a free port (the files say 0.0.0.0:6379 for a pod);
- `%h` and $HOSTNAME become a fake pod name per worker, as Kubernetes gives each pod its own;
- time limits and the visibility timeout are divided by one factor, so the hard limit of the
  longest pool becomes DRILL_HARD_LIMIT seconds and the ratio between them is the generated one;
- maxmemory is lowered for the memory drill: the policy is under test, not the size.

Each drill prints `drill <name>: sent N, completed N, lost N, duplicated N` plus its own figures.
Any loss, any misrouted task or any unexpected error fails the run (exit code 1).
"""

import datetime
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid

PYTHON = "/usr/bin/python3"  # Debian's, with python3-celery; the first python3 on PATH may lack it
DRILL_HARD_LIMIT = 6  # seconds: the longest pool's hard limit, scaled
PASSWORD = uuid.uuid4().hex
DEADLINE_SECONDS = 60  # no drill waits longer than this for anything, beyond the timers it tests
KOMBU_FIRST_SCAN = 10  # seconds from a consumer's start to its first scan for expired unacked messages


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise TimeoutError(f"timed out after {timeout} s waiting for {what}")


class Processes:
    """Every process a drill starts, stopped at the end even on failure."""

    def __init__(self):
        self.procs = []

    def start(self, argv, env=None, log=None):
        out = open(log, "ab") if log else subprocess.DEVNULL
        p = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(p)
        return p

    def stop_all(self):
        for p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass


class Stack:
    """One generated stack: its Redis servers, its Celery app, its pools."""

    def __init__(self, gen_dir, procs, work):
        self.gen = gen_dir
        self.procs = procs
        self.work = work
        with open(os.path.join(gen_dir, "pools.json")) as f:
            self.spec = json.load(f)
        self.name = self.spec["stack"]
        longest = max(p["hardTimeLimitSeconds"] for p in self.spec["pools"])
        self.scale = longest / DRILL_HARD_LIMIT
        self.visibility = max(1, round(self.spec["visibilityTimeoutSeconds"] / self.scale))
        self.ports = {"broker": free_port(), "cache": free_port()}
        self.runs_log = os.path.join(work, "runs.log")
        self.pythonpath = os.path.join(work, "pythonpath")
        self.pod_counter = 0

    # ---- Redis ---------------------------------------------------------------------------------
    def start_redis(self):
        for role in ("broker", "cache"):
            data = os.path.join(self.work, f"redis-{role}")
            os.makedirs(data, exist_ok=True)
            conf = open(os.path.join(self.gen, f"redis-{role}.conf")).read()
            conf = conf.replace("port 6379", f"port {self.ports[role]}").replace("bind 0.0.0.0", "bind 127.0.0.1")
            conf = re.sub(r"^dir .*$", f"dir {data}", conf, flags=re.M)
            path = os.path.join(self.work, f"redis-{role}.conf")
            with open(path, "w") as f:
                f.write(conf)
            self.procs.start(["redis-server", path, "--requirepass", PASSWORD], log=os.path.join(self.work, f"redis-{role}.log"))
        for role in ("broker", "cache"):
            wait_for(lambda r=role: self.redis(r).ping(), 20, f"redis {role}")

    def redis(self, role):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.ports[role], password=PASSWORD, socket_timeout=10)

    # ---- the Superset stand-in -------------------------------------------------------------------
    def write_pythonpath(self):
        """superset_config.py as generated (visibility scaled), and a `superset` package that
        registers every task name the routes know, with bodies that sleep and record their runs."""
        os.makedirs(self.pythonpath, exist_ok=True)
        config = open(os.path.join(self.gen, "superset_config.py")).read()
        generated = self.spec["visibilityTimeoutSeconds"]
        scaled = config.replace(f'{{"visibility_timeout": {generated}}}', f'{{"visibility_timeout": {self.visibility}}}')
        if scaled.count(f'"visibility_timeout": {self.visibility}') < 1:
            raise AssertionError("the generated visibility timeout was not found in superset_config.py")
        with open(os.path.join(self.pythonpath, "superset_config.py"), "w") as f:
            f.write(scaled)
        modules = {}
        for route in self.spec["routes"]:
            modules.setdefault(route["module"], []).append(route["task"])
        root = os.path.join(self.pythonpath, "superset")
        os.makedirs(os.path.join(root, "tasks"), exist_ok=True)
        open(os.path.join(root, "__init__.py"), "w").close()
        open(os.path.join(root, "tasks", "__init__.py"), "w").close()
        with open(os.path.join(root, "tasks", "celery_app.py"), "w") as f:
            f.write(textwrap.dedent("""
                # Stand-in for superset.tasks.celery_app: the same CELERY_CONFIG, no Flask app.
                import superset_config
                from celery import Celery

                app = Celery("superset")
                app.config_from_object(superset_config.CELERY_CONFIG)
                """))
        with open(os.path.join(root, "drill_task.py"), "w") as f:
            f.write(textwrap.dedent("""
                import os, socket, time
                from celery import current_task

                def record(event, run_id):
                    line = "%s %s %s %s\\n" % (event, run_id, current_task.request.hostname, current_task.name)
                    fd = os.open(os.environ["DRILL_RUNS_LOG"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
                    os.write(fd, line.encode())
                    os.close(fd)

                def body(run_id=None, seconds=0.0, **_):
                    record("start", run_id)
                    time.sleep(seconds)
                    record("done", run_id)
                    return run_id
                """))
        for module, tasks in modules.items():
            path = os.path.join(self.pythonpath, *module.split(".")) + ".py"
            os.makedirs(os.path.dirname(path), exist_ok=True)
            lines = ["from superset.tasks.celery_app import app", "from superset.drill_task import body", ""]
            for i, task in enumerate(tasks):
                lines.append(f"task_{i} = app.task(name={task!r})(body)")
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")

    def env(self, hostname=None):
        env = dict(os.environ)
        env.update({
            "PYTHONPATH": self.pythonpath,
            "SUPERSET_SECRET_KEY": "drill",
            "SUPERSET_GAQ_JWT_SECRET": "d" * 64,
            "SUPERSET_PROCESS_ROLE": "worker",
            "DATABASE_USER": "superset", "DATABASE_PASSWORD": "unused", "DATABASE_HOST": "127.0.0.1", "DATABASE_DB": "superset",
            "DRILL_RUNS_LOG": self.runs_log,
        })
        for role in ("broker", "cache"):
            env[f"REDIS_{role.upper()}_HOST"] = "127.0.0.1"
            env[f"REDIS_{role.upper()}_PORT"] = str(self.ports[role])
            env[f"REDIS_{role.upper()}_PASSWORD"] = PASSWORD
        if hostname:
            env["HOSTNAME"] = hostname
        return env

    def app(self):
        sys.path.insert(0, self.pythonpath)
        for k, v in self.env().items():
            os.environ.setdefault(k, v)
        from celery import Celery

        import superset_config

        app = Celery("drill-client")
        app.config_from_object(superset_config.CELERY_CONFIG)
        return app

    # ---- pools -----------------------------------------------------------------------------------
    def pool(self, name):
        return next(p for p in self.spec["pools"] if p["name"] == name)

    def scaled_argv(self, argv):
        out = []
        for a in argv:
            m = re.match(r"^--(soft-time-limit|time-limit)=(\d+)$", a)
            if m:
                a = f"--{m.group(1)}={max(1, math.floor(int(m.group(2)) / self.scale))}"
            out.append(a)
        return out

    def start_worker(self, pool_name):
        """A pod of the pool: its generated command line, `celery` as Debian's module, %h = pod name."""
        self.pod_counter += 1
        pod = f"superset-worker-{pool_name}-pod{self.pod_counter}"
        argv = self.scaled_argv(self.pool(pool_name)["worker"])
        assert argv[0] == "celery", argv
        argv = [PYTHON, "-m", "celery"] + [a.replace("%h", pod) for a in argv[1:]]
        p = self.procs.start(argv, env=self.env(pod), log=os.path.join(self.work, f"{pod}.log"))
        return pod, p

    def wait_ready(self, app, nodes):
        def all_up():
            replies = app.control.ping(timeout=1.0) or []
            seen = {name for r in replies for name in r}
            return nodes <= seen

        wait_for(all_up, 60, f"workers {sorted(nodes)}")

    def control_hook(self, argv, pod, pythonpath=None):
        """A generated probe or hook (`sh -c SCRIPT NAME PYTHON_CODE`), run as the kubelet would: in
        the pod, with its HOSTNAME. Only the interpreter changes: the image's `python` becomes
        Debian's. PYTHONPATH may be a directory holding nothing but superset_config.py."""
        assert argv[:2] == ["sh", "-c"] and len(argv) == 5, argv
        assert argv[2].startswith(("python -c ", "exec python -c ")), argv
        script = argv[2].replace("python -c ", f"{PYTHON} -c ", 1)
        env = self.env(pod)
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        return subprocess.run(["sh", "-c", script, argv[3], argv[4]], env=env, capture_output=True, text=True, timeout=60)

    def pre_stop(self, pool_name, pod):
        """The generated preStop hook."""
        return self.control_hook(self.pool(pool_name)["preStop"], pod)

    # ---- run records -----------------------------------------------------------------------------
    def runs(self):
        if not os.path.exists(self.runs_log):
            return []
        with open(self.runs_log) as f:
            return [line.split() for line in f if line.strip()]

    def reset_runs(self):
        if os.path.exists(self.runs_log):
            os.remove(self.runs_log)


def tally(stack, ids):
    done = [r for r in stack.runs() if r[0] == "done" and r[1] in ids]
    counts = {}
    for r in done:
        counts[r[1]] = counts.get(r[1], 0) + 1
    completed = len(counts)
    lost = len(ids) - completed
    duplicated = sum(c - 1 for c in counts.values())
    return completed, lost, duplicated, done


# ---- the drills ------------------------------------------------------------------------------------

def drill_routing(stack, app):
    """Every Superset task name lands in its pool's queue (LLEN) and runs only on that pool."""
    broker = stack.redis("broker")
    routes = stack.spec["routes"]
    ids = {}
    for route in routes:
        run_id = uuid.uuid4().hex
        ids[run_id] = route
        app.send_task(route["task"], kwargs={"run_id": run_id, "seconds": 0})
    expected = {}
    for route in routes:
        expected[route["queue"]] = expected.get(route["queue"], 0) + 1
    depth = {q: broker.llen(q) for q in expected}
    misqueued = {q: (depth[q], n) for q, n in expected.items() if depth[q] != n}
    workers = {}
    for pool in stack.spec["pools"]:
        pod, _ = stack.start_worker(pool["name"])
        workers[f"{pool['name']}@{pod}"] = pool["name"]
    stack.wait_ready(app, set(workers))
    wait_for(lambda: len([r for r in stack.runs() if r[0] == "done"]) >= len(ids), DEADLINE_SECONDS, "every routed task")
    completed, lost, duplicated, done = tally(stack, set(ids))
    wrong_pool = [(r[3], workers.get(r[2])) for r in done if workers.get(r[2]) != ids[r[1]]["queue"]]
    print(f"drill routing[{stack.name}]: sent {len(ids)}, completed {completed}, lost {lost}, duplicated {duplicated}, "
          f"queues {json.dumps(depth, sort_keys=True)}, wrong pool {len(wrong_pool)}")
    assert not misqueued, f"queue depth differs from the routes: {misqueued}"
    assert not wrong_pool, f"tasks ran on the wrong pool: {wrong_pool}"
    assert lost == 0 and duplicated == 0


def drill_scale_down(stack, app):
    """Kubernetes removes one pod: preStop (generated), then SIGTERM. Nothing is lost or repeated,
    the other pod keeps consuming, the stopped one exits within its (scaled) grace period."""
    pool = stack.pool("default")
    stack.reset_runs()
    pod_a, proc_a = stack.start_worker("default")
    pod_b, proc_b = stack.start_worker("default")
    stack.wait_ready(app, {f"default@{pod_a}", f"default@{pod_b}"})
    task = next(r["task"] for r in stack.spec["routes"] if r["queue"] == "default")
    seconds = min(4, DRILL_HARD_LIMIT - 2)
    first = [uuid.uuid4().hex for _ in range(pool["concurrency"] * 2)]
    task_ids = {}
    for run_id in first:
        task_ids[run_id] = app.send_task(task, kwargs={"run_id": run_id, "seconds": seconds}).id
    wait_for(lambda: any(r[0] == "start" and r[2] == f"default@{pod_a}" for r in stack.runs()), 30, f"a task running on {pod_a}")
    hook = stack.pre_stop("default", pod_a)
    assert hook.returncode == 0, f"preStop failed: {hook.stdout} {hook.stderr}"
    stopped_at = time.monotonic()
    os.kill(proc_a.pid, signal.SIGTERM)  # the kubelet signals PID 1 of the container, the Celery parent
    # Tasks sent after the stop must all go to the other pod.
    later = [uuid.uuid4().hex for _ in range(pool["concurrency"])]
    for run_id in later:
        task_ids[run_id] = app.send_task(task, kwargs={"run_id": run_id, "seconds": 1}).id
    grace = pool["terminationGracePeriodSeconds"] / stack.scale
    proc_a.wait(timeout=max(grace, 30))
    exited_after = time.monotonic() - stopped_at
    ids = set(first + later)
    try:
        wait_for(lambda: tally(stack, ids)[0] == len(ids), DEADLINE_SECONDS, "every scale-down task")
    except TimeoutError:
        broker = stack.redis("broker")
        done_ids = {r[1] for r in stack.runs() if r[0] == "done"}
        print(f"scale-down: missing {[(('first' if i in first else 'later'), task_ids[i]) for i in ids - done_ids]}, unacked {broker.hlen('unacked')}, queue {broker.llen('default')}, "
              f"started {[r[1][:6] + '@' + r[2] for r in stack.runs() if r[0] == 'start' and r[1] in ids - done_ids]}")
        raise
    time.sleep(1)
    completed, lost, duplicated, done = tally(stack, ids)
    later_on_a = [r for r in done if r[1] in later and r[2] == f"default@{pod_a}"]
    print(f"drill scale-down[{stack.name}]: sent {len(ids)}, completed {completed}, lost {lost}, duplicated {duplicated}, "
          f"stopped pod exited after {exited_after:.1f} s (grace {grace:.1f} s scaled), exit code {proc_a.returncode}, "
          f"tasks after the stop on the stopped pod {len(later_on_a)}")
    restarted = [r[1] for r in stack.runs() if r[0] == "start" and r[1] in ids]
    assert lost == 0 and duplicated == 0
    assert len(restarted) == len(set(restarted)), "a task was started twice: the stopped pod abandoned it"
    assert not later_on_a, "the stopped pod took tasks after its preStop"
    assert exited_after <= grace, "the stopped pod outlived its grace period"
    assert proc_b.poll() is None, "the other pod stopped too: the preStop was a broadcast"
    os.killpg(proc_b.pid, signal.SIGTERM)
    proc_b.wait(timeout=60)


def drill_crash(stack, app):
    """A pod dies with SIGKILL mid-task (OOM kill, node loss): with acks_late the message stays
    unacknowledged and comes back after the (scaled) visibility timeout; another pod runs it."""
    stack.reset_runs()
    pod_a, proc_a = stack.start_worker("default")
    stack.wait_ready(app, {f"default@{pod_a}"})
    task = next(r["task"] for r in stack.spec["routes"] if r["queue"] == "default")
    pool = stack.pool("default")
    # Exactly the tasks a worker reserves (every slot and its prefetch), and the kill only once it
    # holds them all: then it has no BRPOP in flight. A worker with spare capacity that is killed
    # can lose the one message its BRPOP was receiving (Redis pops it before kombu records it as
    # unacknowledged): a limit of the Redis transport that no setting closes (docs/operate.md, "Known limits").
    held = pool["concurrency"] * pool["prefetchMultiplier"]  # Celery reserves concurrency x prefetch, running ones included
    ids = [uuid.uuid4().hex for _ in range(held)]
    for run_id in ids:
        app.send_task(task, kwargs={"run_id": run_id, "seconds": 3})
    broker = stack.redis("broker")
    wait_for(lambda: len({r[1] for r in stack.runs() if r[0] == "start"}) >= pool["concurrency"] and broker.llen("default") == 0
             and broker.hlen("unacked") >= len(ids), 30, "every slot busy and the rest reserved")
    started_before_kill = {r[1] for r in stack.runs() if r[0] == "start"}
    os.killpg(proc_a.pid, signal.SIGKILL)
    proc_a.wait(timeout=10)
    killed_at = time.monotonic()
    # kombu's Redis transport gives back unacknowledged messages older than the visibility timeout
    # on a consumer's first scan (10 s after it starts) and then on every 10th pass of that 10-second
    # timer (kombu/transport/redis.py, restore_visible). The replacement pod starts once the
    # timeout has passed, so the drill measures the redelivery rather than waiting out that timer;
    # a consumer already running would take up to ~100 s longer.
    time.sleep(stack.visibility + 1)
    pod_b, proc_b = stack.start_worker("default")
    stack.wait_ready(app, {f"default@{pod_b}"})
    try:
        wait_for(lambda: tally(stack, set(ids))[0] == len(ids), KOMBU_FIRST_SCAN + DEADLINE_SECONDS, "every task after the crash")
    except TimeoutError:
        broker = stack.redis("broker")
        print(f"crash: unacked {broker.hlen('unacked')}, unacked_index {broker.zcard('unacked_index')}, "
              f"mutex ttl {broker.ttl('unacked_mutex')}, default queue {broker.llen('default')}, runs {stack.runs()}")
        raise
    recovered_after = time.monotonic() - killed_at
    completed, lost, duplicated, _ = tally(stack, set(ids))
    started = [r[1] for r in stack.runs() if r[0] == "start"]
    ran_twice = sum(1 for i in set(started) if started.count(i) > 1)
    print(f"drill crash[{stack.name}]: sent {len(ids)}, completed {completed}, lost {lost}, duplicated {duplicated}, "
          f"interrupted {len(started_before_kill)}, started twice {ran_twice}, all done {recovered_after:.1f} s after the kill "
          f"(visibility timeout {stack.visibility} s scaled)")
    assert lost == 0 and duplicated == 0
    os.killpg(proc_b.pid, signal.SIGTERM)
    proc_b.wait(timeout=60)


def drill_broker_memory(stack, app):
    """At maxmemory the broker refuses writes and evicts nothing; the cache evicts instead."""
    broker, cache = stack.redis("broker"), stack.redis("cache")
    import redis as redis_module

    task = next(r["task"] for r in stack.spec["routes"] if r["queue"] == "reports")
    queued = [uuid.uuid4().hex for _ in range(5)]
    for run_id in queued:
        app.send_task(task, kwargs={"run_id": run_id})
    keys_before = sorted(k.decode() for k in broker.keys("*"))
    for client in (broker, cache):
        client.config_set("maxmemory", str(client.info("memory")["used_memory"] + 2 * 1024 * 1024))
    filler = b"x" * 10_000
    refused = None
    for i in range(5000):
        try:
            broker.set(f"filler:{i}", filler)
        except redis_module.exceptions.ResponseError as e:
            refused = str(e)
            break
    # Redis refuses a write once used memory is above maxmemory; the last refused write freed its
    # own overhead, so a few small publishes may still fit before the next refusal.
    publish_error, accepted_after_full = None, 0
    for _ in range(200):
        try:
            app.send_task(task, kwargs={"run_id": uuid.uuid4().hex})
            accepted_after_full += 1
        except Exception as e:  # kombu surfaces Redis' OOM error
            publish_error = f"{type(e).__name__}: {str(e)[:80]}"
            break
    broker_evicted = broker.info("stats")["evicted_keys"]
    still_there = [k for k in keys_before if not broker.exists(k)]
    for i in range(5000):
        cache.set(f"filler:{i}", filler)
    cache_evicted = cache.info("stats")["evicted_keys"]
    sent = len(queued) + accepted_after_full
    waiting = broker.llen("reports")
    print(f"drill broker-memory[{stack.name}]: sent {sent}, completed 0, lost {sent - waiting}, duplicated 0, "
          f"broker refused writes: {refused is not None}, publishes accepted at the limit {accepted_after_full}, then: {publish_error}, "
          f"broker evicted {broker_evicted}, Celery keys missing {len(still_there)}, cache evicted {cache_evicted}")
    assert refused and "OOM" in refused, "the broker accepted writes beyond maxmemory"
    assert publish_error is not None and "OOM" in publish_error, "publishing never failed at maxmemory"
    assert broker_evicted == 0 and not still_there, f"the broker evicted: {still_there}"
    assert waiting == sent, "a task accepted by the broker is gone"
    assert cache_evicted > 0, "the cache did not evict under the same pressure"
    broker.delete(*[f"filler:{i}" for i in range(5000)])
    broker.delete("reports")


def drill_queue_depth(stack, app):
    """The depth the autoscaler and the alerts read is celery-exporter's: with a Redis broker, a bare
    LLEN of the queue's list (danihodovic/celery-exporter src/exporter.py@v0.12.2, redis_queue_length:
    `connection.default_channel.client.llen(queue)`). Tasks sent as Superset sends them (no priority)
    all sit in that list; kombu puts a task with a priority in another list (`QUEUE\x06\x16N`), which
    LLEN does not count: the drill measures both, and what the pools' ScaledObjects read (the sum of
    LLEN over every priority list, summed by their formula), which counts them all."""
    task = next(r["task"] for r in stack.spec["routes"] if r["queue"] == "exports")
    n = 20
    for _ in range(n):
        app.send_task(task, kwargs={"run_id": uuid.uuid4().hex})
    with app.connection_for_write() as conn:
        exporter_depth = conn.default_channel.client.llen("exports")  # the exporter's own call
    for i in range(n):
        app.send_task(task, kwargs={"run_id": uuid.uuid4().hex}, priority=1 + i % 9)
    with app.connection_for_write() as conn:
        with_priorities = conn.default_channel.client.llen("exports")
        declared = conn.default_channel.queue_declare("exports", passive=True).message_count
    # KEDA's Redis scaler: LLEN of each trigger's list (a missing key counts 0), the formula's sum.
    lists = stack.spec["kedaTriggers"]["exports"]
    assert stack.spec["kedaFormula"] == " + ".join(f"priority{s}" for s in (0, 3, 6, 9)), stack.spec["kedaFormula"]
    keda = sum(stack.redis("broker").llen(name) for name in lists)
    print(f"drill queue-depth[{stack.name}]: sent {2 * n}, completed 0, lost 0, duplicated 0, "
          f"exporter depth {exporter_depth} of {n} sent without priority; with {n} more sent with priorities "
          f"the exporter reads {with_priorities}, kombu's queue_declare {declared}, KEDA triggers' sum {keda}")
    assert exporter_depth == n, f"the exporter's depth {exporter_depth} is not the {n} tasks waiting"
    assert declared == 2 * n
    assert keda == 2 * n, f"the ScaledObject's triggers read {keda}, not the {2 * n} tasks waiting (lists {lists!r})"
    stack.redis("broker").delete(*[k for k in stack.redis("broker").keys("exports*")])


def drill_busy_signal(stack, app):
    """What the default pool's ScaledObject reads while its worker is busy. With acks_late, kombu moves
    every message a worker fetched (running or reserved) from the queue's list into the `unacked`
    hash (celery/kombu kombu/transport/redis.py@v5.5.3, QoS.append), so the lists KEDA's Redis
    triggers LLEN count only the waiting tasks. The busy signal adds celery-exporter's
    celery_worker_tasks_active, which the exporter sets from each worker-heartbeat event's `active`
    field (danihodovic/celery-exporter src/exporter.py@v0.12.2, track_worker_heartbeat), itself
    len(active_requests) (celery/celery celery/worker/heartbeat.py@v5.5.2): the drill reads that
    event off the broker as the exporter does. The generated formula, evaluated on those values,
    must equal the tasks sent: waiting + reserved + running (a pool at prefetch 1 reserves none
    beyond what runs); without monitoring it reads the waiting ones alone."""
    pool = stack.pool("default")
    c, prefetch = pool["concurrency"], pool["prefetchMultiplier"]
    formula = stack.spec["kedaFormulas"]["default"]
    running_trigger = stack.spec["kedaRunningTrigger"]
    busy = running_trigger in formula.split(" + ")
    stack.reset_runs()
    pod, proc = stack.start_worker("default")
    node = f"default@{pod}"
    stack.wait_ready(app, {node})
    task = next(r["task"] for r in stack.spec["routes"] if r["queue"] == "default")
    n = 3 * c + 2
    # Long enough to read a heartbeat (every 2 s) while every child runs; the per-message time
    # limits override the pool's (scaled) ones for this drill only.
    for _ in range(n):
        app.send_task(task, kwargs={"run_id": uuid.uuid4().hex, "seconds": 40}, soft_time_limit=60, time_limit=70)
    wait_for(lambda: len([r for r in stack.runs() if r[0] == "start"]) >= c, 30, f"{c} tasks running on {pod}")
    heartbeat = {}
    deadline = time.monotonic() + 30

    with app.connection_for_read() as conn:
        def on_heartbeat(event):
            if event.get("hostname") == node:
                heartbeat.update(event)
            if heartbeat.get("active") == c or time.monotonic() > deadline:
                receiver.should_stop = True

        # One capture (one binding of the event queue) until a heartbeat shows every child busy;
        # heartbeats come every 2 s, so a silent 30 s means none was sent.
        receiver = app.events.Receiver(conn, handlers={"worker-heartbeat": on_heartbeat})
        try:
            receiver.capture(limit=None, timeout=30, wakeup=False)
        except (socket.timeout, TimeoutError):
            pass
    broker = stack.redis("broker")
    lists = sum(broker.llen(name) for name in stack.spec["kedaTriggers"]["default"])
    unacked = broker.hlen("unacked")
    active = heartbeat.get("active")
    read = lists + ((active or 0) if busy else 0)
    print(f"drill busy-signal[{stack.name}]: sent {n}, completed 0, lost 0, duplicated 0, "
          f"concurrency {c}, prefetch {prefetch}; lists {lists}, unacked {unacked}, heartbeat active {active}; "
          f"formula `{formula}` reads {read}")
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    broker.flushall()
    assert active == c, f"no heartbeat with {c} active tasks (last {heartbeat!r})"
    assert unacked == c * prefetch, f"unacked {unacked}: the worker should hold concurrency x prefetch = {c * prefetch}"
    assert lists == n - c * prefetch, f"the lists hold {lists}, not the {n - c * prefetch} tasks no worker fetched"
    expected = n if busy else n - c * prefetch
    assert prefetch == 1 or not busy, "a busy pool reserves beyond what runs: the formula misses the reserved tasks"
    assert read == expected, f"the formula reads {read}, not {expected}"


def drill_liveness(stack, app):
    """The generated liveness probe answers for a live worker and fails for a dead one, with a
    PYTHONPATH that holds superset_config.py and no `superset` package: it never loads Superset."""
    config_only = os.path.join(stack.work, "config-only")
    os.makedirs(config_only, exist_ok=True)
    shutil.copy(os.path.join(stack.pythonpath, "superset_config.py"), config_only)
    pod, proc = stack.start_worker("default")
    stack.wait_ready(app, {f"default@{pod}"})
    probe = stack.pool("default")["liveness"]
    alive = stack.control_hook(probe, pod, config_only)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    dead = stack.control_hook(probe, pod, config_only)
    print(f"drill liveness[{stack.name}]: sent 0, completed 0, lost 0, duplicated 0, "
          f"live worker exit {alive.returncode}, killed worker exit {dead.returncode}")
    assert alive.returncode == 0, f"the probe failed a live worker: {alive.stdout} {alive.stderr}"
    assert dead.returncode != 0, "the probe passed a dead worker"
    assert "ModuleNotFoundError" not in alive.stderr + dead.stderr, alive.stderr + dead.stderr


def drill_report_limit(stack, app):
    """A report that never ends, sent the way reports.scheduler sends reports.execute with the
    generated config (apache/superset superset/tasks/scheduler.py@5.0.0: time_limit and
    soft_time_limit only when ALERT_REPORTS_WORKING_TIME_OUT_KILL), is stopped by its pool's hard
    limit: before the visibility timeout and within the pool's grace period."""
    import superset_config

    stack.reset_runs()
    pool = stack.pool("reports")
    pod, proc = stack.start_worker("reports")
    stack.wait_ready(app, {f"reports@{pod}"})
    # An ETA a second ahead, as the scheduler's (within ALERT_REPORTS_CRON_WINDOW_SIZE).
    options = {"eta": datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=1)}
    if superset_config.ALERT_REPORTS_WORKING_TIME_OUT_KILL:  # upstream's branch, with the UI's default
        timeout = superset_config.ALERT_REPORTS_DEFAULT_WORKING_TIMEOUT
        options.update(time_limit=timeout + 10, soft_time_limit=timeout + 1)
    run_id = uuid.uuid4().hex
    sent = time.monotonic()
    result = app.send_task("reports.execute", kwargs={"run_id": run_id, "seconds": 10 * DRILL_HARD_LIMIT}, **options)
    hard = max(1, math.floor(pool["hardTimeLimitSeconds"] / stack.scale))
    wait_for(lambda: result.state in ("FAILURE", "SUCCESS"), hard + DEADLINE_SECONDS, "the report to end")
    ended = time.monotonic() - sent
    grace = pool["terminationGracePeriodSeconds"] / stack.scale
    print(f"drill report-limit[{stack.name}]: sent 1, completed 0, lost 0, duplicated 0, "
          f"ended after {ended:.1f} s as {result.state} ({type(result.result).__name__}), hard limit {hard} s, "
          f"visibility {stack.visibility} s, grace {grace:.1f} s (scaled)")
    # The soft limit raises SoftTimeLimitExceeded in the task; one that swallowed it would meet the hard limit.
    assert result.state == "FAILURE" and type(result.result).__name__ in ("SoftTimeLimitExceeded", "TimeLimitExceeded"), result.result
    assert ended < stack.visibility and ended < grace, "the report outlived the visibility timeout or the grace period"
    # The result is stored before the parent acknowledges the message (acks_late): stop the worker
    # only once kombu's unacked hash is empty, or the SIGTERM reaching the process group kills the
    # child first, and task_reject_on_worker_lost puts the report back in the queue.
    broker = stack.redis("broker")
    wait_for(lambda: broker.hlen("unacked") == 0, DEADLINE_SECONDS, "the failed report to be acknowledged")
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)
    assert broker.llen("reports") == 0, "the report that hit its time limit went back to the queue"


def run_stack(gen_dir):
    procs = Processes()
    work = tempfile.mkdtemp(prefix="superset-drill-")
    try:
        stack = Stack(gen_dir, procs, work)
        stack.start_redis()
        stack.write_pythonpath()
        app = stack.app()
        drill_routing(stack, app)
        for p in procs.procs[2:]:  # the routing drill's workers; the first two are the Redis servers
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=60)
        stack.redis("broker").flushall()
        drill_scale_down(stack, app)
        drill_crash(stack, app)
        drill_queue_depth(stack, app)
        drill_busy_signal(stack, app)
        drill_liveness(stack, app)
        drill_report_limit(stack, app)
        drill_broker_memory(stack, app)
        return True
    except Exception as e:
        print(f"drill FAILED for {gen_dir}: {type(e).__name__}: {e}")
        for log in sorted(os.listdir(work)):
            if log.endswith(".log") and log != "runs.log":
                tail = open(os.path.join(work, log), errors="replace").read()[-1500:]
                print(f"--- {log}\n{tail}")
        return False
    finally:
        procs.stop_all()
        if os.environ.get("DRILL_KEEP"):
            print(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("one generated directory per run: each stack's Celery app is its own module state")
        sys.exit(2)
    sys.exit(0 if run_stack(sys.argv[1]) else 1)
