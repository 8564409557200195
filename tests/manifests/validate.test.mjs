// node --test: validate.mjs refuses KEDA objects KEDA would refuse or silently ignore (docs/decisions/0002-keda-by-default.md).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);

function validate(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keda-validate-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  try {
    return { code: 0, out: execFileSync("node", [path.join(here, "validate.mjs"), dir], { encoding: "utf8" }) };
  } catch (e) {
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

const scaledObject = (extra = "", formulaKey = "formula") => `apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: superset-worker-reports
  namespace: superset
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: superset-worker-reports}
  minReplicaCount: 0
  maxReplicaCount: 3
  fallback: {failureThreshold: 3, replicas: 2}
  advanced:
    scalingModifiers: {${formulaKey}: "priority0", target: "60", metricType: AverageValue}
  triggers:
  - type: redis
    name: priority0
    metadata: {address: "redis:6379", listName: reports, listLength: "60"}
    authenticationRef: {name: superset-broker}
${extra}`;

test("a ScaledObject of KEDA's schema passes", () => {
  const { code, out } = validate({ "k8s-scaledobject-ok.yaml": scaledObject() });
  assert.equal(code, 0, out);
});

test("an unknown ScaledObject field (which KEDA would drop) is a problem", () => {
  const { code, out } = validate({ "k8s-scaledobject-bad.yaml": scaledObject("  coolDown: 300\n", "formular") });
  assert.equal(code, 1);
  assert.match(out, /unknown field ScaledObject\.spec\.coolDown/);
  assert.match(out, /unknown field ScaledObject\.spec\.advanced\.scalingModifiers\.formular/);
});

test("a fallback without replicas and a secretTargetRef without parameter fail KEDA's schema", () => {
  const { code, out } = validate({
    "k8s-scaledobject-nofallback.yaml": scaledObject().replace("fallback: {failureThreshold: 3, replicas: 2}", "fallback: {failureThreshold: 3}"),
    "k8s-triggerauthentication-bad.yaml": `apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata: {name: superset-broker, namespace: superset}
spec:
  secretTargetRef:
  - {name: superset-credentials, key: redis-broker-password}
`,
  });
  assert.equal(code, 1);
  assert.match(out, /fallback must have required property .?replicas/);
  assert.match(out, /secretTargetRef\/0 must have required property .?parameter/);
});

const httpRoute = (backendRef) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: superset, namespace: superset}
spec:
  parentRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: shared, namespace: gateways}]
  hostnames: [bi.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /}}]
    backendRefs: [${backendRef}]
    timeouts: {request: 75s, backendRequest: 75s}
`;

test("an HTTPRoute of the Gateway API's schema passes, its backendRefs' inherited fields included", () => {
  const { code, out } = validate({ "k8s-httproute-ok.yaml": httpRoute("{name: superset-web, port: 80}") });
  assert.equal(code, 0, out);
});

test("an HTTPRoute backendRef with a port name (BackendRef takes numbers only) is a problem", () => {
  const { code, out } = validate({ "k8s-httproute-bad.yaml": httpRoute("{name: superset-web, portName: http}") });
  assert.equal(code, 1);
  assert.match(out, /unknown field HTTPRoute\.spec\.rules\.backendRefs\.portName/);
});

test("a Traefik ServersTransport with a misspelt timeout is a problem", () => {
  const transport = (field) => `apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: {name: superset-web, namespace: superset}
spec:
  forwardingTimeouts: {${field}: 75s}
`;
  assert.equal(validate({ "k8s-serverstransport-ok.yaml": transport("responseHeaderTimeout") }).code, 0);
  const { code, out } = validate({ "k8s-serverstransport-bad.yaml": transport("responseTimeout") });
  assert.equal(code, 1);
  assert.match(out, /unknown field ServersTransport\.spec\.forwardingTimeouts\.responseTimeout/);
});
