#!/usr/bin/env node
// Lints sinograph's Cypher statements with Neo4j's own Cypher front end
// (@neo4j-cypher/language-support: the parser and semantic analysis of Neo4j 5).
//
//   node lint.cjs [--schema graph-schema.json] DIR...   lint every DIR/*.cypher
//   node lint.cjs [--schema graph-schema.json] --stdin  lint [{name, text, params}] JSON
//
// Each file declares its parameters in a `// params: a, b` line (`none` for none);
// exactly those are declared to the linter, so an undefined parameter is an error,
// and a declared one the statement does not use is reported too. Functions and
// procedures are checked against the built-in catalogue of a Neo4j 5 server minus
// plug-ins (no APOC or GDS: sinograph runs on a plain Community server). With
// --schema, unknown labels, relationship types and property keys are reported.
// Every diagnostic, warning or error, fails the run. Exit 0 clean, 1 findings, 2 misuse.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const {
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
  testData,
} = require('@neo4j-cypher/language-support');

const PLUGIN_PREFIXES = ['apoc.', 'gds.', 'genai.'];

function builtInCatalogue() {
  // The package ships the function and procedure registry of a real Neo4j server
  // (its mock schema); keep the built-ins and drop plug-in namespaces.
  const source = testData.mockSchema;
  const keep = (registry, isFunction) =>
    Object.fromEntries(
      Object.entries(registry).filter(
        ([name, entry]) =>
          !PLUGIN_PREFIXES.some((p) => name.startsWith(p)) && (!isFunction || entry.isBuiltIn),
      ),
    );
  const functions = {};
  const procedures = {};
  for (const version of Object.keys(source.functions)) {
    functions[version] = keep(source.functions[version], true);
  }
  for (const version of Object.keys(source.procedures)) {
    procedures[version] = keep(source.procedures[version], false);
  }
  return { functions, procedures };
}

function declaredParams(text) {
  const lines = text.split('\n').filter((l) => /^\/\/\s*params:/.test(l));
  if (lines.length !== 1) return { error: "needs exactly one '// params:' line" };
  const list = lines[0].replace(/^\/\/\s*params:/, '').trim();
  if (list === 'none') return { params: [] };
  const params = list.split(',').map((p) => p.trim());
  const bad = params.filter((p) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(p));
  if (bad.length) return { error: `bad parameter names: ${bad.join(', ')}` };
  return { params };
}

function lineCol(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

// `SHORTEST k GROUPS` takes a literal count, which sinograph fills in at run time
// (cypher/__init__.py); lint the file with the smallest count it can be given.
const LITERAL_PLACEHOLDERS = { __PathGroups__: '1' };

function lintOne(name, rawText, params, base) {
  const problems = [];
  let text = rawText;
  for (const [placeholder, literal] of Object.entries(LITERAL_PLACEHOLDERS)) {
    text = text.split(placeholder).join(literal);
  }
  if (parseStatementsStrs(text).length !== 1) {
    problems.push(`${name}: must hold exactly one statement`);
  }
  const schema = { ...base, parameters: Object.fromEntries(params.map((p) => [p, null])) };
  // The analyser treats a parameter as declared when its value is not undefined.
  for (const p of params) schema.parameters[p] = '';
  const { diagnostics } = lintCypherQuery(text, schema);
  for (const d of diagnostics) {
    const kind = d.severity === 1 ? 'error' : 'warning';
    problems.push(`${name}:${lineCol(text, d.offsets.start)}: ${kind}: ${d.message}`);
  }
  const used = new Set(parseParameters(text));
  for (const p of params) {
    if (!used.has(p)) problems.push(`${name}: declares $${p} but does not use it`);
  }
  return problems;
}

function main(argv) {
  let schemaFile = null;
  let fromStdin = false;
  const dirs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--schema') schemaFile = argv[++i];
    else if (argv[i] === '--stdin') fromStdin = true;
    else dirs.push(argv[i]);
  }
  if (!fromStdin && dirs.length === 0) {
    console.error('usage: lint.cjs [--schema FILE] (--stdin | DIR...)');
    return 2;
  }
  const base = builtInCatalogue();
  if (schemaFile) {
    const graph = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    base.labels = graph.labels;
    base.relationshipTypes = graph.relationshipTypes;
    base.propertyKeys = graph.propertyKeys;
  }
  const items = [];
  if (fromStdin) {
    for (const item of JSON.parse(fs.readFileSync(0, 'utf8'))) items.push(item);
  } else {
    for (const dir of dirs) {
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
      if (files.length === 0) {
        console.error(`${dir}: no .cypher files`);
        return 2;
      }
      for (const file of files) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const declared = declaredParams(text);
        if (declared.error) {
          items.push({ name: file, text, error: declared.error });
        } else {
          items.push({ name: file, text, params: declared.params });
        }
      }
    }
  }
  const problems = [];
  for (const item of items) {
    if (item.error) problems.push(`${item.name}: ${item.error}`);
    else problems.push(...lintOne(item.name, item.text, item.params, base));
  }
  for (const p of problems) console.log(p);
  console.log(`cypher-lint: ${items.length} statements, ${problems.length} problems`);
  return problems.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
