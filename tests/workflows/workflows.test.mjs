// What the workflows give each stack (docs/operate.md, "Continuous delivery"): AWS credentials when
// its stack file puts it on AWS, its own kubeconfig secret KUBECONFIG_<STACK>, decided from the stack
// file and never from the stack's name. Run with `node --test` (tests/run).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { kubeconfigSecret, settings } from "../../.github/scripts/stack-settings.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const workflowsDir = path.join(root, ".github", "workflows");
const script = path.join(root, ".github", "scripts", "stack-settings.mjs");
const workflows = fs.readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f))
  .map((f) => ({ file: f, doc: yaml.load(fs.readFileSync(path.join(workflowsDir, f), "utf8")) }));
const jobs = workflows.flatMap(({ file, doc }) => Object.entries(doc.jobs).map(([name, job]) => ({ where: `${file} ${name}`, job })));
const uses = (step, action) => typeof step.uses === "string" && step.uses.startsWith(`${action}@`);

// ---- the settings script ----------------------------------------------------------------------
test("the kubeconfig secret is KUBECONFIG_ and the stack name upper-cased, other characters underscores", () => {
  assert.equal(kubeconfigSecret("dev"), "KUBECONFIG_DEV");
  assert.equal(kubeconfigSecret("prod"), "KUBECONFIG_PROD");
  assert.equal(kubeconfigSecret("eu-staging.2"), "KUBECONFIG_EU_STAGING_2");
  for (const stack of ["dev", "eu-staging.2", "Blue_Green"]) {
    // GitHub secret names: letters, digits, underscores; not starting with a digit or GITHUB_.
    assert.match(kubeconfigSecret(stack), /^(?!GITHUB_)[A-Z_][A-Z0-9_]*$/);
  }
});

test("AWS credentials follow the stack file's dataServices, whatever the stack is called", () => {
  assert.deepEqual(settings("staging", { dataServices: "aws" }), { aws: true, kubeconfig_secret: "KUBECONFIG_STAGING" });
  assert.deepEqual(settings("prod", { dataServices: "inCluster" }), { aws: false, kubeconfig_secret: "KUBECONFIG_PROD" });
  assert.throws(() => settings("broken", {}), /dataServices/);
});

test("the script writes the step outputs from a plan on its standard input", () => {
  const run = (stack, plan) => execFileSync("node", [script, stack], { input: JSON.stringify(plan), encoding: "utf8" });
  assert.equal(run("eu-staging", { tier: "medium", dataServices: "aws" }), "aws=true\nkubeconfig_secret=KUBECONFIG_EU_STAGING\n");
  assert.equal(run("dev", { dataServices: "inCluster" }), "aws=false\nkubeconfig_secret=KUBECONFIG_DEV\n");
});

// ---- the workflows ----------------------------------------------------------------------------
test("no workflow decides anything by comparing a stack's name with a literal", () => {
  for (const { file } of workflows) {
    const text = fs.readFileSync(path.join(workflowsDir, file), "utf8");
    assert.doesNotMatch(text, /(matrix|inputs)\.stack\s*[!=]=\s*'/, `${file} compares a stack name`);
  }
});

test("no workflow names a kubeconfig secret after a stack: each is read as KUBECONFIG_<STACK>", () => {
  for (const { file } of workflows) {
    const text = fs.readFileSync(path.join(workflowsDir, file), "utf8");
    assert.doesNotMatch(text, /secrets\.\w*KUBECONFIG\w*/i, `${file} reads a kubeconfig secret by a fixed name`);
  }
});

/** The id of the step of a job that runs the settings script, which must come before `index`. */
function settingsStep(where, steps, index) {
  const at = steps.findIndex((s) => typeof s.run === "string" && s.run.includes(".github/scripts/stack-settings.mjs"));
  assert.ok(at >= 0 && at < index, `${where}: no stack-settings step before step ${index}`);
  assert.ok(steps[at].id, `${where}: the stack-settings step has no id`);
  return steps[at].id;
}

test("every AWS credentials step runs only for a stack whose stack file is on AWS", () => {
  let found = 0;
  for (const { where, job } of jobs) {
    (job.steps ?? []).forEach((step, i) => {
      if (!uses(step, "aws-actions/configure-aws-credentials")) return;
      found++;
      const id = settingsStep(where, job.steps, i);
      assert.equal(String(step.if ?? "").replace(/^\$\{\{\s*|\s*\}\}$/g, ""), `steps.${id}.outputs.aws == 'true'`, `${where}: AWS credentials not gated by the stack file`);
    });
  }
  assert.equal(found, 2, "one AWS credentials step in preview.yml and one in deploy-stack.yml");
});

test("every Pulumi run gets its stack's kubeconfig, and the job fails when the secret is missing", () => {
  let found = 0;
  for (const { where, job } of jobs) {
    (job.steps ?? []).forEach((step, i) => {
      if (!uses(step, "pulumi/actions")) return;
      found++;
      const id = settingsStep(where, job.steps, i);
      const kube = job.steps.slice(0, i).find((s) => Object.values(s.env ?? {}).some((v) => String(v).includes(`secrets[steps.${id}.outputs.kubeconfig_secret]`)));
      assert.ok(kube, `${where}: no step reads secrets[steps.${id}.outputs.kubeconfig_secret]`);
      assert.equal(kube.if, undefined, `${where}: the kubeconfig step is conditional`);
      assert.match(kube.run, /if \[ -z "\$\{KUBECONFIG_B64\}" \]; then[\s\S]*::error::[\s\S]*exit 1/, `${where}: a missing kubeconfig does not fail`);
    });
  }
  assert.equal(found, 2, "pulumi preview in preview.yml and pulumi up in deploy-stack.yml");
});

test("preview runs for every stack file at the repository root", () => {
  const preview = workflows.find((w) => w.file === "preview.yml").doc;
  assert.equal(preview.jobs.preview.strategy.matrix.stack, "${{ fromJSON(needs.stacks.outputs.names) }}");
  const list = preview.jobs.stacks.steps.find((s) => s.id === "list");
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stacks-")), "output");
  execFileSync("bash", ["-euo", "pipefail", "-c", list.run], { cwd: root, env: { ...process.env, GITHUB_OUTPUT: out } });
  const names = JSON.parse(fs.readFileSync(out, "utf8").match(/^names=(.*)$/m)[1]);
  const files = fs.readdirSync(root).filter((f) => /^Pulumi\..+\.yaml$/.test(f)).map((f) => f.slice("Pulumi.".length, -".yaml".length)).sort();
  assert.deepEqual(names, files);
  assert.ok(names.includes("prod") && names.includes("dev"));
});

test("deploy runs every stack through deploy-stack.yml, dev before prod", () => {
  const deploy = workflows.find((w) => w.file === "deploy.yml").doc;
  const stackJobs = Object.entries(deploy.jobs).filter(([name]) => name !== "test");
  for (const [name, job] of stackJobs) {
    assert.equal(job.uses, "./.github/workflows/deploy-stack.yml", `deploy.yml ${name}`);
    assert.equal(job.secrets, "inherit", `deploy.yml ${name}: the stack's secrets`);
  }
  assert.deepEqual(stackJobs.map(([, job]) => job.with.stack), ["dev", "prod"]);
  assert.equal(deploy.jobs.prod.with.environment, "production");
  assert.equal(deploy.jobs.prod.needs, "dev");
});
