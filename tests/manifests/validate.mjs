// Validates every manifest `render` wrote, offline:
//  1. the Kubernetes schema of its apiVersion/kind (kubernetes-models' compiled validators);
//  2. what a schema misses: unknown fields (read from kubernetes-models' type declarations),
//     DNS-1123 names, selectors that match their pod template, probe ports that exist.
// Usage: node validate.mjs <dir>...   Exit code 1 with every problem listed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve("kubernetes-models/package.json"));
// The Prometheus Operator's CRDs (ServiceMonitor, PrometheusRule), from the same project.
const operatorRoot = path.dirname(require.resolve("@kubernetes-models/prometheus-operator/package.json"));
// KEDA's CRDs (ScaledObject, TriggerAuthentication: keda.sh/v1alpha1), generated from kedacore/keda's API types.
const kedaRoot = path.dirname(require.resolve("@kubernetes-models/keda/package.json"));
// Gateway API (HTTPRoute, gateway.networking.k8s.io/v1) and Traefik's CRDs (ServersTransport, traefik.io/v1alpha1).
const gatewayRoot = path.dirname(require.resolve("@kubernetes-models/gateway-api/package.json"));
const traefikRoot = path.dirname(require.resolve("@kubernetes-models/traefik/package.json"));
const problems = [];
const fail = (file, message) => problems.push(`${file}: ${message}`);

// apiVersion "apps/v1" -> kubernetes-models/apps/v1; "v1" -> kubernetes-models/v1.
async function model(apiVersion, kind) {
  const [pkg, root] = apiVersion.startsWith("monitoring.coreos.com/")
    ? ["@kubernetes-models/prometheus-operator", operatorRoot]
    : apiVersion.startsWith("keda.sh/")
      ? ["@kubernetes-models/keda", kedaRoot]
      : apiVersion.startsWith("gateway.networking.k8s.io/")
        ? ["@kubernetes-models/gateway-api", gatewayRoot]
        : apiVersion.startsWith("traefik.io/")
          ? ["@kubernetes-models/traefik", traefikRoot]
          : ["kubernetes-models", modelsRoot];
  try {
    const mod = await import(`${pkg}/${apiVersion}/${kind}`);
    return { Model: mod[kind], dts: path.join(root, apiVersion, `${kind}.d.ts`) };
  } catch {
    return null;
  }
}

// ---- unknown fields, from the .d.ts interfaces -------------------------------------------
// "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta" -> that package's .d.ts file (the
// packages' "exports" do not list the .d.ts files, so resolve the directory by hand).
function bareImport(specifier) {
  const parts = specifier.split("/");
  const pkg = parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  const rest = parts.slice(pkg.split("/").length).join("/");
  for (const base of [path.join(modelsRoot, "node_modules"), path.join(modelsRoot, "..")]) {
    const file = path.join(base, pkg, `${rest}.d.ts`);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

const interfaces = new Map(); // file -> { props: Map(name -> type), imports: Map(typeName -> file) }
function parseDts(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = fs.readFileSync(file, "utf8");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    let target = m[2];
    target = target.startsWith(".")
      ? path.resolve(path.dirname(file), target.replace(/\.js$/, ".d.ts"))
      : bareImport(target);
    if (target) imports.set(m[1], target);
  }
  const body = text.match(/export interface \w+( extends ([\w, ]+))?[^{]*\{([\s\S]*?)\n\}/);
  const props = new Map();
  if (body) {
    // An interface that extends others (Gateway API's HTTPBackendRef extends BackendRef) has their fields too.
    for (const base of (body[2] ?? "").split(",").map((b) => b.trim()).filter(Boolean)) {
      const file = imports.get(base);
      if (file) for (const [k, v] of parseDts(file).props) props.set(k, v);
    }
    for (const m of body[3].matchAll(/^ {4}"([^"]+)"\??: (.+?);?$/gm)) props.set(m[1], m[2]);
  }
  const entry = { props, imports };
  interfaces.set(file, entry);
  return entry;
}

function checkFields(file, value, dtsFile, at) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const { props, imports } = parseDts(dtsFile);
  if (props.size === 0) return; // a map or an opaque type: nothing to compare
  for (const [key, child] of Object.entries(value)) {
    const type = props.get(key);
    if (type === undefined) {
      fail(file, `unknown field ${at}.${key}`);
      continue;
    }
    const element = type.match(/^Array<(\w+)>$/)?.[1] ?? type.match(/^(\w+)$/)?.[1];
    const target = element && imports.get(element);
    if (!target) continue;
    for (const item of Array.isArray(child) ? child : [child]) checkFields(file, item, target, `${at}.${key}`);
  }
}

// ---- checks a schema misses ---------------------------------------------------------------
const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function podTemplate(doc) {
  if (["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"].includes(doc.kind)) return doc.spec?.template;
  if (doc.kind === "Job") return doc.spec?.template;
  return undefined;
}

function checkSemantics(file, doc) {
  const name = doc.metadata?.name ?? "";
  const labelNamed = ["Service", "Namespace"].includes(doc.kind);
  if (!(labelNamed ? dns1123Label : dns1123Subdomain).test(name) || name.length > (labelNamed ? 63 : 253)) {
    fail(file, `metadata.name "${name}" is not a DNS-1123 ${labelNamed ? "label" : "subdomain"}`);
  }
  const template = podTemplate(doc);
  if (template) {
    const selector = doc.spec?.selector?.matchLabels ?? {};
    const labels = template.metadata?.labels ?? {};
    if (doc.kind !== "Job" && Object.keys(selector).length === 0) fail(file, "spec.selector.matchLabels is empty");
    for (const [k, v] of Object.entries(selector)) {
      if (labels[k] !== v) fail(file, `selector ${k}=${v} does not match the pod template's labels`);
    }
    for (const c of [...(template.spec?.containers ?? []), ...(template.spec?.initContainers ?? [])]) {
      const ports = new Map((c.ports ?? []).map((p) => [p.name, p.containerPort]));
      const numbers = new Set((c.ports ?? []).map((p) => p.containerPort));
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (port === undefined) continue;
        if (typeof port === "string" ? !ports.has(port) : !numbers.has(port)) {
          fail(file, `container ${c.name} ${probe} port ${port} is not one of its ports`);
        }
      }
    }
  }
}

// ---- main -----------------------------------------------------------------------------------
const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error("usage: node validate.mjs <dir>...");
  process.exit(2);
}
let checked = 0;
for (const dir of dirs) {
  for (const name of fs.readdirSync(dir).filter((f) => f.startsWith("k8s-") && f.endsWith(".yaml")).sort()) {
    const file = path.join(dir, name);
    const doc = yaml.load(fs.readFileSync(file, "utf8"));
    const found = await model(doc.apiVersion, doc.kind);
    if (!found) {
      fail(file, `no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new found.Model(doc).validate();
    } catch (e) {
      fail(file, `schema: ${e.message}`);
    }
    checkFields(file, doc, found.dts, doc.kind);
    checkSemantics(file, doc);
    checked++;
  }
}
if (checked === 0) problems.push("no manifest found: did render run?");
for (const p of problems) console.error(p);
console.log(`${checked} manifests checked, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
