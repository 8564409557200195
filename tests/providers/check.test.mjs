// The provider-schema check must catch what the provider would refuse (or silently ignore) at
// `pulumi up`: each case is a resource as `render` writes it, with one thing wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkResource, versionProblems } from "./check.mjs";

const parameterGroup = (inputs) => ({ type: "aws:rds/parameterGroup:ParameterGroup", name: "data-db-params", inputs });
const valid = { family: "postgres16", parameters: [{ name: "max_connections", value: "405", applyMethod: "pending-reboot" }], tags: { app: "superset" } };

test("a resource as the program declares it passes", () => {
  assert.deepEqual(checkResource(parameterGroup(valid)), []);
});

test("a misspelt input is reported with the resource and the input", () => {
  const { family, ...rest } = valid;
  const problems = checkResource(parameterGroup({ ...rest, familly: family }));
  assert.equal(problems.length, 2); // the misspelling, and the required `family` it leaves unset
  assert.match(problems[0], /aws:rds\/parameterGroup:ParameterGroup "data-db-params" inputs\.familly: not an input of ParameterGroupArgs/);
  assert.match(problems[1], /inputs\.family: required by ParameterGroupArgs, not set/);
});

test("a misspelt field of a nested input object is reported at its path", () => {
  const problems = checkResource(parameterGroup({ ...valid, parameters: [{ name: "max_connections", value: "405", apply_method: "pending-reboot" }] }));
  assert.equal(problems.length, 1);
  assert.match(problems[0], /inputs\.parameters\[0\]\.apply_method: not an input of ParameterGroupParameter/);
});

test("a missing required input of a nested object is reported", () => {
  const problems = checkResource(parameterGroup({ ...valid, parameters: [{ name: "max_connections" }] }));
  assert.deepEqual(problems.map((p) => p.replace(/^.* inputs/, "inputs")), ["inputs.parameters[0].value: required by ParameterGroupParameter, not set"]);
});

test("a value of the wrong kind is reported", () => {
  const alarm = {
    type: "aws:cloudwatch/metricAlarm:MetricAlarm",
    name: "alarms-db-cpu",
    inputs: { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: "3", threshold: 80 },
  };
  const problems = checkResource(alarm);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /inputs\.evaluationPeriods: a string, where the SDK declares number/);
});

test("a type token the provider does not have is reported", () => {
  const [problem] = checkResource({ type: "aws:rds/dbInstance:DbInstance", name: "data-db", inputs: {} });
  assert.match(problem, /no such type token in @pulumi\/aws/);
});

test("Pulumi.Random is checked the same way", () => {
  assert.deepEqual(checkResource({ type: "random:index/randomPassword:RandomPassword", name: "credentials-admin", inputs: { length: 32, special: false } }), []);
  const [problem] = checkResource({ type: "random:index/randomPassword:RandomPassword", name: "credentials-admin", inputs: { lenght: 32 } });
  assert.match(problem, /inputs\.lenght: not an input of RandomPasswordArgs/);
});

test("the npm SDKs are the versions the .NET program pins", () => {
  assert.deepEqual(versionProblems(), []);
});
