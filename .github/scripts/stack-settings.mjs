// What the workflows give one stack, decided from its stack file, never from its name:
//   aws=true|false                 AWS credentials (OIDC role assumption) when the stack sets
//                                  `superset:dataServices: aws`, read through the program's own
//                                  loader (`plan <stack> --json`, its `dataServices`);
//   kubeconfig_secret=KUBECONFIG_<STACK>
//                                  the repository secret holding the stack's kubeconfig, base64:
//                                  the stack name upper-cased, every character other than A-Z and
//                                  0-9 an underscore (GitHub secret names: letters, digits and
//                                  underscores only, case-insensitive; docs.github.com, "Using
//                                  secrets in GitHub Actions", Naming your secrets).
// Usage (docs/operate.md, "Continuous delivery"):
//   dotnet run --project stacks/Cli -- plan <stack> --json | node .github/scripts/stack-settings.mjs <stack> >> "$GITHUB_OUTPUT"
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** The repository secret that holds a stack's kubeconfig (base64). */
export function kubeconfigSecret(stack) {
  if (!stack) throw new Error("no stack name");
  return `KUBECONFIG_${stack.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** The settings of one stack, from its plan (the `plan --json` document). */
export function settings(stack, plan) {
  const dataServices = plan?.dataServices;
  if (dataServices !== "aws" && dataServices !== "inCluster") {
    throw new Error(`the plan of ${stack} names no dataServices (aws or inCluster): ${JSON.stringify(dataServices)}`);
  }
  return { aws: dataServices === "aws", kubeconfig_secret: kubeconfigSecret(stack) };
}

/** The lines for $GITHUB_OUTPUT. */
export function outputLines(s) {
  return Object.entries(s).map(([k, v]) => `${k}=${v}`).join("\n") + "\n";
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const stack = process.argv[2];
  try {
    const plan = JSON.parse(readFileSync(0, "utf8"));
    process.stdout.write(outputLines(settings(stack, plan)));
  } catch (e) {
    process.stderr.write(`stack-settings: ${e.message}\n`);
    process.exit(1);
  }
}
