// Writes the groups of every rendered PrometheusRule (k8s-prometheusrule-*.yaml in <dir>) as one
// Prometheus rule file, so that `promtool check rules` reads exactly what the cluster will load.
// Usage: node rules-of.mjs <dir> <out.yaml>
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error("usage: node rules-of.mjs <dir> <out.yaml>");
  process.exit(2);
}
const groups = fs.readdirSync(dir)
  .filter((f) => f.startsWith("k8s-prometheusrule-") && f.endsWith(".yaml"))
  .sort()
  .flatMap((f) => yaml.load(fs.readFileSync(path.join(dir, f), "utf8")).spec.groups);
if (groups.length === 0) {
  console.error(`no PrometheusRule in ${dir}`);
  process.exit(1);
}
fs.writeFileSync(out, yaml.dump({ groups }));
console.log(`${groups.length} rule groups from ${dir} written to ${out}`);
