// Checks every non-Kubernetes resource `render` wrote (resource-*.yaml: type token, name, inputs)
// against the provider's own SDK declarations on npm, offline:
//  1. the type token exists: the SDK module the token names declares `__pulumiType = '<token>'`;
//  2. every input is a property of the resource's `<Type>Args` interface, and every nested input
//     object a property of its input type (`types/input.d.ts`), recursively;
//  3. every required (non-optional) Args property is set;
//  4. a value whose declared type is only string, number or boolean has that kind.
// The Node SDKs are generated from the same provider schema as the .NET SDKs the program compiles
// against (pulumi/pulumi-aws and pulumi/pulumi-random, sdk/nodejs and sdk/dotnet), so the pinned
// versions must match: Directory.Packages.props is compared with the installed packages first.
//
// Usage: node check.mjs <render dir>...   Exit code 1 with every problem listed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import yaml from "js-yaml";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/** The providers this program uses: the type-token package prefix, the npm package, the NuGet package. */
export const providers = {
  aws: { npm: "@pulumi/aws", nuget: "Pulumi.Aws" },
  random: { npm: "@pulumi/random", nuget: "Pulumi.Random" },
};

const packageRoot = (npm) => path.dirname(require.resolve(`${npm}/package.json`));

/** Problems where the npm package's version differs from the NuGet pin in Directory.Packages.props. */
export function versionProblems(propsFile = path.join(here, "..", "..", "Directory.Packages.props")) {
  const props = fs.readFileSync(propsFile, "utf8");
  const problems = [];
  for (const { npm, nuget } of Object.values(providers)) {
    const pinned = props.match(new RegExp(`Include="${nuget.replace(".", "\\.")}" Version="([^"]+)"`))?.[1];
    const installed = JSON.parse(fs.readFileSync(path.join(packageRoot(npm), "package.json"), "utf8")).version;
    if (pinned !== installed) {
      problems.push(`${nuget} is pinned at ${pinned ?? "(no pin)"} in Directory.Packages.props but ${npm} ${installed} is installed: pin the same version in tests/providers/package.json`);
    }
  }
  return problems;
}

// ---- declarations ----------------------------------------------------------------------------
const sources = new Map(); // file -> ts.SourceFile
function source(file) {
  if (!sources.has(file)) {
    sources.set(file, ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  }
  return sources.get(file);
}

/** The interface named `name` in `file`, inside the namespaces `namespaces` (outermost first). */
function findInterface(file, namespaces, name) {
  let statements = source(file).statements;
  for (const ns of namespaces) {
    const decl = statements.find((s) => ts.isModuleDeclaration(s) && s.name.text === ns);
    if (!decl?.body || !ts.isModuleBlock(decl.body)) return undefined;
    statements = decl.body.statements;
  }
  return statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
}

/** An interface's properties: name -> { optional, type (TypeNode) }. */
function properties(decl) {
  const props = new Map();
  for (const member of decl.members) {
    if (ts.isPropertySignature(member) && member.type) {
      props.set(member.name.getText(), { optional: Boolean(member.questionToken), type: member.type });
    }
  }
  return props;
}

/**
 * What a declared input type accepts: { kinds: Set of "string"|"number"|"boolean"|"object"|"array"|"any",
 * shape (an interface declaration for nested objects, when there is exactly one), element (for arrays) }.
 */
function describe(node, pkgRoot) {
  const out = { kinds: new Set(), shapes: [], elements: [] };
  const visit = (n) => {
    if (ts.isParenthesizedTypeNode(n)) return visit(n.type);
    if (ts.isUnionTypeNode(n)) return n.types.forEach(visit);
    if (ts.isArrayTypeNode(n)) {
      out.kinds.add("array");
      out.elements.push(n.elementType);
      return;
    }
    if (n.kind === ts.SyntaxKind.StringKeyword || ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal)) return out.kinds.add("string");
    if (n.kind === ts.SyntaxKind.NumberKeyword) return out.kinds.add("number");
    if (n.kind === ts.SyntaxKind.BooleanKeyword) return out.kinds.add("boolean");
    if (ts.isTypeLiteralNode(n)) {
      // `{ [key: string]: ... }`: a free-form map (tags, parameters); its keys are data.
      out.kinds.add("object");
      return;
    }
    if (ts.isTypeReferenceNode(n)) {
      const name = n.typeName.getText();
      if ((name === "pulumi.Input" || name === "Input") && n.typeArguments?.length === 1) return visit(n.typeArguments[0]);
      if (name === "Array" && n.typeArguments?.length === 1) {
        out.kinds.add("array");
        out.elements.push(n.typeArguments[0]);
        return;
      }
      const parts = name.split(".");
      if (parts[0] === "inputs" && parts.length >= 2) {
        const decl = findInterface(path.join(pkgRoot, "types", "input.d.ts"), parts.slice(1, -1), parts.at(-1));
        if (decl) {
          out.kinds.add("object");
          out.shapes.push(decl);
          return;
        }
      }
      // An enum (`enums.rds.InstanceType`) or an alias the SDK resolves to a string.
      if (parts[0] === "enums") return out.kinds.add("string");
    }
    out.kinds.add("any");
  };
  visit(node);
  return out;
}

function kindOf(value) {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  return typeof value === "object" ? "object" : typeof value;
}

function checkValue(problems, where, value, typeNode, pkgRoot) {
  const accepted = describe(typeNode, pkgRoot);
  if (accepted.kinds.has("any") || value === null) return;
  const kind = kindOf(value);
  if (!accepted.kinds.has(kind)) {
    problems.push(`${where}: a ${kind}, where the SDK declares ${[...accepted.kinds].join(" | ")}`);
    return;
  }
  if (kind === "array") {
    value.forEach((item, i) => accepted.elements.forEach((el) => checkValue(problems, `${where}[${i}]`, item, el, pkgRoot)));
  } else if (kind === "object" && accepted.shapes.length === 1) {
    checkObject(problems, where, value, properties(accepted.shapes[0]), pkgRoot, accepted.shapes[0].name.text);
  }
}

function checkObject(problems, where, value, props, pkgRoot, typeName) {
  for (const [key, child] of Object.entries(value)) {
    const prop = props.get(key);
    if (!prop) {
      problems.push(`${where}.${key}: not an input of ${typeName} (known: ${[...props.keys()].sort().join(", ")})`);
      continue;
    }
    checkValue(problems, `${where}.${key}`, child, prop.type, pkgRoot);
  }
  for (const [key, prop] of props) {
    if (!prop.optional && !(key in value)) problems.push(`${where}.${key}: required by ${typeName}, not set`);
  }
}

/**
 * The SDK module a token names: `aws:rds/instance:Instance` -> @pulumi/aws/rds/instance.{js,d.ts};
 * the `index` module lives at the package root.
 */
function moduleOf(token) {
  const m = token.match(/^([a-z0-9-]+):([A-Za-z0-9]+)\/([A-Za-z0-9]+):([A-Za-z0-9]+)$/);
  if (!m) return undefined;
  const [, pkg, mod, file, type] = m;
  const provider = providers[pkg];
  if (!provider) return undefined;
  const root = packageRoot(provider.npm);
  const base = mod === "index" ? path.join(root, file) : path.join(root, mod, file);
  return { root, js: `${base}.js`, dts: `${base}.d.ts`, type, npm: provider.npm };
}

/** Every problem of one rendered resource (`{ type, name, inputs }`). */
export function checkResource(resource) {
  const { type, name, inputs = {} } = resource;
  const where = `${type} "${name}"`;
  const mod = moduleOf(type);
  if (!mod) return [`${where}: not a resource of a provider this check knows (${Object.keys(providers).join(", ")})`];
  const declared = fs.existsSync(mod.js) && [...fs.readFileSync(mod.js, "utf8").matchAll(/__pulumiType = '([^']+)'/g)].some((m) => m[1] === type);
  if (!declared) return [`${where}: no such type token in ${mod.npm} (no ${path.relative(mod.root, mod.js)} declaring it)`];
  const args = findInterface(mod.dts, [], `${mod.type}Args`);
  if (!args) return [`${where}: ${mod.npm} declares no ${mod.type}Args`];
  const problems = [];
  checkObject(problems, `${where} inputs`, inputs, properties(args), mod.root, `${mod.type}Args`);
  return problems;
}

/** The provider resources of a render directory (Kubernetes objects and components left out). */
export function renderedResources(dir) {
  return fs.readdirSync(dir)
    .filter((f) => f.startsWith("resource-") && f.endsWith(".yaml"))
    .map((f) => yaml.load(fs.readFileSync(path.join(dir, f), "utf8")))
    .filter((doc) => Object.keys(providers).includes(doc.type.split(":")[0]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error("usage: node check.mjs <render dir>...");
    process.exit(2);
  }
  const problems = versionProblems();
  let count = 0;
  for (const dir of dirs) {
    for (const resource of renderedResources(dir)) {
      count++;
      problems.push(...checkResource(resource));
    }
  }
  const versions = Object.values(providers).map(({ npm }) => `${npm}@${JSON.parse(fs.readFileSync(path.join(packageRoot(npm), "package.json"))).version}`);
  console.log(`${count} provider resources checked against ${versions.join(", ")}: ${problems.length} problems`);
  for (const p of problems) console.log(`  - ${p}`);
  if (count === 0) {
    console.log("  - no provider resource found: is this a render directory?");
    process.exit(1);
  }
  process.exit(problems.length ? 1 : 0);
}
