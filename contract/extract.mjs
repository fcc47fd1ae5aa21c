// Writes the API contracts camel-genesys is tested against, from Genesys' own SDKs (versions pinned in
// package-lock.json): one JSON file per API under camel-genesys-core/src/test/resources/contract/.
// Facts only (operation ids, methods, paths, parameter names and formats, model field names and JSON types):
// nothing of the SDKs is copied. See README.md for what each fact comes from.
//
//   cd contract && npm ci && npm run generate
//
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir, homedir } from 'node:os';
import http from 'node:http';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outDir = join(here, '..', 'camel-genesys-core', 'src', 'test', 'resources', 'contract');
const JAVA_SDK = { groupId: 'com.mypurecloud', artifactId: 'platform-client-v2', version: '198.1.0' };
const JACKSON = '2.19.2';

function pkg(name) {
    const dir = dirname(require.resolve(`${name}/package.json`));
    return { dir, version: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version };
}

// ---- TypeScript declarations of purecloud-platform-client-v2 (models, return and body types) -------------------

function tsType(t) {
    t = t.trim();
    let m;
    if ((m = /^Array<(.*)>$/.exec(t))) return { type: 'array', items: tsType(m[1]) };
    if ((m = /^\{ \[key: string\]: (.*); \}$/.exec(t))) return { type: 'map', values: tsType(m[1]) };
    if ((m = /^Record<string, (.*)>$/.exec(t))) return { type: 'map', values: tsType(m[1]) };
    if ((m = /^Models\.(\w+)$/.exec(t))) return { type: 'object', ref: m[1] };
    if (t === 'string' || t === 'boolean' || t === 'number') return { type: t };
    if (t === 'object') return { type: 'object' };
    if (t === 'void') return null;
    throw new Error(`Unknown TypeScript type: ${t}`);
}

function parseModels(dts) {
    const start = dts.indexOf('declare namespace Models');
    const lines = dts.slice(start).split('\n');
    const models = {};
    let current = null;
    for (const line of lines) {
        let m;
        if ((m = /^\texport interface (\w+) \{/.exec(line))) {
            current = { fields: {}, required: [] };
            models[m[1]] = current;
        } else if (current && (m = /^\t\t"([^"]+)"(\??): (.*);\s*$/.exec(line))) {
            current.fields[m[1]] = tsType(m[3]);
            if (m[2] !== '?') current.required.push(m[1]);
        } else if (/^\t\}/.test(line)) {
            current = null;
        }
    }
    return models;
}

function parseApiDeclaration(dts, apiName) {
    const start = dts.indexOf(`declare class ${apiName} {`);
    const body = dts.slice(start, dts.indexOf('\n}', start));
    const methods = {};
    for (const m of body.matchAll(/^\s+(\w+)\(([^)]*)\): Promise<(.*)>;$/gm)) {
        const params = {};
        for (const p of m[2].split(/,\s*(?=\w+\??:)/)) {
            const pm = /^(\w+)(\??): (.*)$/.exec(p.trim());
            if (pm) params[pm[1]] = { type: pm[3], optional: pm[2] === '?' };
        }
        methods[m[1]] = { params, returns: m[3] };
    }
    const nsStart = dts.indexOf(`declare namespace ${apiName} {`);
    const ns = dts.slice(nsStart, dts.indexOf('\n}', nsStart));
    const options = {};
    let current = null;
    for (const line of ns.split('\n')) {
        let m;
        if ((m = /^\texport interface (\w+)Options \{/.exec(line))) {
            current = options[m[1]] = {};
        } else if (current && (m = /^\t\t"([^"]+)"\??: (.*);\s*$/.exec(line))) {
            current[m[1]] = m[2];
        }
    }
    return { methods, options };
}

// ---- the generated API class of purecloud-platform-client-v2 (paths, parameters, collection formats) -----------

function parseApiSource(src) {
    const ops = [];
    // one method: its doc comment, its name, and its callApi(...) before the method's closing brace
    const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n\t(\w+)\(([^)]*)\) \{(?:(?!\n\t\}\n)[\s\S])*?this\.apiClient\.callApi\(\s*'([^']+)',\s*'(\w+)',\s*\{([^}]*)\},\s*\{([^}]*)\},\s*\{([^}]*)\},\s*\{([^}]*)\},\s*([^,]+),/g;
    for (const m of src.matchAll(re)) {
        const [, doc, name, , path, method, pathObj, queryObj, , , bodyExpr] = m;
        const docParams = {};
        for (const d of doc.matchAll(/@param \{([^}]+)\} (?:opts\.)?(\w+)\s*(.*)/g)) {
            docParams[d[2]] = { jsType: d[1], description: d[3].trim() };
        }
        const pathParams = [...pathObj.matchAll(/'(\w+)':/g)].map(x => x[1]);
        const queryParams = [];
        for (const q of queryObj.matchAll(/'(\w+)':\s*(this\.apiClient\.buildCollectionParam\((opts\['\w+'\]|\w+),\s*'(\w+)'\)|(opts\['\w+'\]|\w+))/g)) {
            const expr = q[3] || q[5];
            const p = { name: q[1], format: q[4] || 'single', required: !expr.startsWith('opts[') };
            const valid = /Valid values: ([^.]*)/.exec(docParams[q[1]]?.description || '');
            if (valid) p.enum = valid[1].split(',').map(s => s.trim()).filter(Boolean);
            queryParams.push(p);
        }
        const body = bodyExpr.trim();
        ops.push({
            operationId: name, method, path, pathParams, queryParams,
            bodyParam: body === 'null' ? null : body,
            deprecated: /@deprecated/.test(doc),
            summary: doc.split('\n').map(l => l.replace(/^\s*\*\s?/, '').trim()).filter(Boolean)[0] || '',
        });
    }
    return ops;
}

// ---- the Java SDK (com.mypurecloud:platform-client-v2), through JavaSdkFacts.java --------------------------------

function m2(groupId, artifactId, version) {
    const repo = process.env.MAVEN_REPO || join(homedir(), '.m2', 'repository');
    return join(repo, ...groupId.split('.'), artifactId, version, `${artifactId}-${version}.jar`);
}

function javaFacts(apiName, modelNames) {
    const sdk = m2(JAVA_SDK.groupId, JAVA_SDK.artifactId, JAVA_SDK.version);
    const jackson = ['jackson-annotations', 'jackson-databind', 'jackson-core']
        .map(a => m2('com.fasterxml.jackson.core', a, JACKSON));
    for (const jar of [sdk, ...jackson]) {
        if (!existsSync(jar)) {
            const [g, a, v] = jar === sdk ? [JAVA_SDK.groupId, JAVA_SDK.artifactId, JAVA_SDK.version]
                : ['com.fasterxml.jackson.core', jar.split('/').at(-3), JACKSON];
            execFileSync('mvn', ['-q', 'dependency:get', `-Dartifact=${g}:${a}:${v}`], { stdio: 'inherit' });
        }
    }
    const tmp = mkdtempSync(join(tmpdir(), 'contract-'));
    const out = join(tmp, 'java.json');
    writeFileSync(join(tmp, 'models.txt'), modelNames.join('\n'));
    execFileSync('java', ['-cp', [sdk, ...jackson].join(':'), join(here, 'JavaSdkFacts.java'), apiName, out, join(tmp, 'models.txt')],
        { stdio: 'inherit' });
    return JSON.parse(readFileSync(out, 'utf8'));
}

// ---- helpers ------------------------------------------------------------------------------------------------

function refsOf(t, acc) {
    if (!t) return acc;
    if (t.ref) acc.add(t.ref);
    if (t.items) refsOf(t.items, acc);
    if (t.values) refsOf(t.values, acc);
    return acc;
}

function closure(models, roots) {
    const seen = new Set();
    const queue = [...roots];
    while (queue.length) {
        const name = queue.shift();
        if (seen.has(name) || !models[name]) continue;
        seen.add(name);
        for (const f of Object.values(models[name].fields)) queue.push(...refsOf(f, new Set()));
    }
    return [...seen].sort();
}

function describe(t) {
    if (!t) return 'none';
    if (t.type === 'array') return `array of ${describe(t.items)}`;
    if (t.type === 'map') return `map of ${describe(t.values)}`;
    if (t.ref) return `object ${t.ref}`;
    return t.type + (t.format ? `(${t.format})` : '') + (t.enum ? ` enum[${t.enum.join(',')}]` : '');
}

/** Refines a TypeScript-derived type with the Java SDK's facts: integer vs number, enum values. */
function refine(ts, java, refined) {
    if (!ts || !java) return ts;
    if (ts.type === 'array' && java.type === 'array') return { ...ts, items: refine(ts.items, java.items, refined) };
    if (ts.type === 'map' && java.type === 'map') return { ...ts, values: refine(ts.values, java.values, refined) };
    if (ts.type === 'number' && java.type === 'integer') {
        refined.count++;
        return { type: 'integer', format: java.format, source: `java-sdk-${JAVA_SDK.version}` };
    }
    if (ts.type === 'string' && java.type === 'string' && (java.enum || java.format)) {
        refined.count++;
        const t = { ...ts };
        if (java.enum) t.enum = java.enum;
        if (java.format) t.format = java.format;
        t.source = `java-sdk-${JAVA_SDK.version}`;
        return t;
    }
    return ts;
}

function sameKind(ts, java) {
    if (!ts || !java) return ts === java;
    if (ts.type === 'number' && java.type === 'integer') return true;
    if (ts.type !== java.type) return false;
    if (ts.type === 'array') return sameKind(ts.items, java.items);
    if (ts.type === 'map') return sameKind(ts.values, java.values);
    return (ts.ref || null) === (java.ref || null);
}

// ---- Genesys Cloud APIs of purecloud-platform-client-v2 ---------------------------------------------------------

/**
 * One Genesys Cloud contract: the operations {@code select} picks from the named API classes of the npm SDK (the
 * same operation can be generated into two classes, e.g. the analytics query into ConversationsApi and AnalyticsApi:
 * the first class that has it wins), the models they reach, refined by the Java SDK's facts of the same classes.
 */
function cloudContract(title, apiNames, select, extraRoots = []) {
    const sdk = pkg('purecloud-platform-client-v2');
    const dts = readFileSync(join(sdk.dir, 'index.d.ts'), 'utf8');
    const allModels = parseModels(dts);
    const operations = [];
    const decls = {};
    const sourceFiles = [];
    for (const apiName of apiNames) {
        const src = readFileSync(join(sdk.dir, 'src', 'purecloud-platform-client-v2', 'api', `${apiName}.js`), 'utf8');
        decls[apiName] = parseApiDeclaration(dts, apiName);
        sourceFiles.push(`src/.../api/${apiName}.js`);
        for (const op of parseApiSource(src).filter(select)) {
            if (operations.some(o => o.operationId === op.operationId)) continue;
            op.api = apiName;
            operations.push(op);
        }
    }
    const roots = new Set();
    for (const op of operations) {
        const decl = decls[op.api];
        const d = decl.methods[op.operationId];
        if (!d || !d.returns) throw new Error(`No declaration for ${op.operationId}: ${JSON.stringify(d)}`);
        op.response = d.returns === 'void' || d.returns === 'object' ? null : tsType(d.returns);
        const options = decl.options[op.operationId] || {};
        const bodyName = op.bodyParam && op.bodyParam.replace(/^opts\[.(\w+).\]$/, '$1');
        const bodyType = bodyName && (d.params[bodyName]?.type || options[bodyName]);
        if (op.bodyParam && !bodyType) throw new Error(`No type for the body ${bodyName} of ${op.operationId}`);
        op.body = op.bodyParam ? { ...tsType(bodyType), required: !op.bodyParam.startsWith('opts[') } : null;
        for (const q of op.queryParams) {
            const t = options[q.name] || d.params[q.name]?.type;
            q.type = t ? tsType(t) : { type: 'string' };
        }
        delete op.bodyParam;
        if (apiNames.length === 1) delete op.api;
        refsOf(op.response, roots);
        refsOf(op.body, roots);
    }
    for (const name of extraRoots) {
        if (!allModels[name]) throw new Error(`No model ${name} in index.d.ts`);
        roots.add(name);
    }
    const names = closure(allModels, roots);
    const java = { operations: [], models: {} };
    for (const apiName of apiNames) {
        const j = javaFacts(apiName, names);
        java.operations.push(...j.operations);
        Object.assign(java.models, j.models);
    }
    const models = {};
    const refined = { count: 0 };
    const fieldDifferences = [];
    for (const name of names) {
        const m = allModels[name];
        const j = java.models[name];
        const fields = {};
        for (const [f, t] of Object.entries(m.fields)) {
            fields[f] = refine(t, j?.fields[f], refined);
            if (j && j.fields[f] && !sameKind(t, j.fields[f])) {
                fieldDifferences.push(`${name}.${f}: npm ${describe(t)}, java ${describe(j.fields[f])}`);
            }
        }
        if (j) {
            const onlyNpm = Object.keys(m.fields).filter(f => !(f in j.fields));
            const onlyJava = Object.keys(j.fields).filter(f => !(f in m.fields));
            if (onlyNpm.length) fieldDifferences.push(`${name}: only in npm ${sdk.version}: ${onlyNpm.join(', ')}`);
            if (onlyJava.length) fieldDifferences.push(`${name}: only in java ${JAVA_SDK.version}: ${onlyJava.join(', ')}`);
        }
        models[name] = { fields, required: m.required };
    }
    // what the Java SDK says differently about the operations
    const opDifferences = [];
    const picked = new Set(operations.map(o => `${o.method} ${o.path}`));
    const byPath = new Map(java.operations.filter(o => apiNames.length === 1 || picked.has(`${o.method} ${o.path}`))
        .map(o => [`${o.method} ${o.path}`, o]));
    for (const op of operations) {
        const j = byPath.get(`${op.method} ${op.path}`);
        if (!j) {
            opDifferences.push(`${op.operationId} ${op.method} ${op.path}: not in java ${JAVA_SDK.version}`);
            continue;
        }
        byPath.delete(`${op.method} ${op.path}`);
        const npmQ = op.queryParams.map(q => `${q.name}:${q.format}`).join(',');
        const javaQ = j.queryParams.map(q => `${q.name}:${q.format}`).join(',');
        if (npmQ !== javaQ) opDifferences.push(`${op.operationId}: query npm [${npmQ}], java [${javaQ}]`);
        if (describe(op.body && { ...op.body, required: undefined }) !== describe(j.body)) {
            opDifferences.push(`${op.operationId}: body npm ${describe(op.body)}, java ${describe(j.body)}`);
        }
        if (describe(op.response) !== describe(j.response)) {
            opDifferences.push(`${op.operationId}: response npm ${describe(op.response)}, java ${describe(j.response)}`);
        }
    }
    for (const j of byPath.values()) {
        opDifferences.push(`${j.operationId} ${j.method} ${j.path}: only in java ${JAVA_SDK.version} (body ${describe(j.body)}, response ${describe(j.response)})`);
    }
    return {
        api: title,
        sources: {
            operationsAndModels: `npm purecloud-platform-client-v2@${sdk.version} (${sourceFiles.join(', ')}, index.d.ts)`,
            integerAndEnumFacts: `maven ${JAVA_SDK.groupId}:${JAVA_SDK.artifactId}:${JAVA_SDK.version} (model classes), where a field has the same name and kind there; marked "source"`,
        },
        notes: [
            'format "multi" is the API definition\'s collectionFormat: the parameter is repeated (expand=a&expand=b). The Java SDK sends it so; the JavaScript SDK\'s ApiClient.serialize joins arrays with commas on the wire.',
            'type "number" without "source" is a TypeScript number: the Java SDK does not say whether it is an integer.',
            'required lists the fields the TypeScript declaration does not mark optional.',
            ...(apiNames.length > 1 ? ['"api" names the SDK class an operation was taken from; javaSdkDifferences compare only the operations taken.'] : []),
        ],
        generatedBy: 'contract/extract.mjs',
        operations,
        models,
        refinedFromJava: refined.count,
        javaSdkDifferences: { sdk: `${JAVA_SDK.groupId}:${JAVA_SDK.artifactId}:${JAVA_SDK.version}`, operations: opDifferences, fields: fieldDifferences },
    };
}


function externalContacts() {
    return cloudContract('Genesys Cloud External Contacts', ['ExternalContactsApi'],
        op => op.path.startsWith('/api/v2/externalcontacts'));
}

/**
 * What camel-genesys-conversations uses of Genesys Cloud (issue 15): conversations, their recordings, the
 * conversation details query (seed 000's "conversation search"), users, their routing status and Genesys Cloud
 * presence, queue members. Only these operations: the API classes hold several hundred others.
 */
const CONVERSATIONS_OPERATIONS = new Set([
    'getConversations', 'getConversation', 'postAnalyticsConversationsDetailsQuery',
    'getConversationRecordings', 'getConversationRecording',
    'getUser', 'getUsersSearch', 'postUsersSearch', 'getUserRoutingstatus', 'putUserRoutingstatus', 'patchUser',
    'getUserPresencesPurecloud', 'patchUserPresencesPurecloud',
    'getRoutingQueueMembers',
]);

function conversations() {
    return cloudContract('Genesys Cloud conversations, recordings, users, presence, queue members',
        ['ConversationsApi', 'RecordingApi', 'UsersApi', 'PresenceApi', 'RoutingApi'],
        op => CONVERSATIONS_OPERATIONS.has(op.operationId));
}

/**
 * The Genesys Cloud Notifications API (issue 15: the genesys-notifications consumer and the simulator's side): every
 * operation of NotificationsApi, the event models of the topics camel-genesys serves, and what the official Java
 * SDK's notification handler says of the WebSocket (read from its classes with javap: string constants and the JSON
 * names of its message classes).
 */
const NOTIFICATION_TOPICS = [
    // topic template -> the SDK model of its eventBody (the models the SDKs name after their topic's event:
    // "PresenceEvent...", "UserRoutingStatus...", "ConversationEventTopic...", "QueueConversationEventTopic...")
    { topic: 'v2.users.{id}.presence', model: 'PresenceEventUserPresence' },
    { topic: 'v2.users.{id}.routingStatus', model: 'UserRoutingStatusUserRoutingStatus' },
    { topic: 'v2.users.{id}.conversations', model: 'ConversationEventTopicConversation' },
    { topic: 'v2.routing.queues.{id}.conversations', model: 'QueueConversationEventTopicConversation' },
];

function javap(classes) {
    const sdk = m2(JAVA_SDK.groupId, JAVA_SDK.artifactId, JAVA_SDK.version);
    return execFileSync('javap', ['-v', '-p', '-constants', '-cp', sdk, ...classes], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** The WebSocket facts of com.mypurecloud.sdk.v2.extensions.notifications (Java SDK). */
function notificationHandlerFacts() {
    const pkgName = 'com.mypurecloud.sdk.v2.extensions.notifications';
    const handler = javap([`${pkgName}.NotificationHandler`, `${pkgName}.NotificationHandler$SocketClosingHandler`]);
    const strings = [...handler.matchAll(/\/\/ String (.*)$/gm)].map(m => m[1].trim().replace(/\\"/g, '"'));
    const need = (s) => {
        if (!strings.includes(s)) throw new Error(`NotificationHandler no longer has the constant ${s}`);
        return s;
    };
    // the model class the socket-closing listener declares for its event body
    const closingBody = /\/\/ class com\/mypurecloud\/sdk\/v2\/model\/(\w+)/
        .exec(javap([`${pkgName}.NotificationHandler$SocketClosingHandler`]));
    const fields = (cls) => {
        const out = javap([`${pkgName}.${cls}`]);
        const names = {};
        // each field, with the JSON name of its @JsonProperty when it has one
        const re = /^  (?:private|public|protected) [\w.<>$]+ (\w+);\n([\s\S]*?)(?=^  \S|^})/gm;
        let m;
        while ((m = re.exec(out))) {
            const json = /JsonProperty\([\s\S]*?value="([^"]+)"/.exec(m[2]);
            names[m[1]] = json ? json[1] : m[1];
        }
        return names;
    };
    return {
        source: `maven ${JAVA_SDK.groupId}:${JAVA_SDK.artifactId}:${JAVA_SDK.version} (${pkgName}: NotificationHandler, NotificationEvent, Metadata, ChannelMetadataNotification)`,
        clientPing: need('{"message":"ping"}'),
        metadataTopic: need('channel.metadata'),
        systemTopicPrefix: need('v2.system'),
        socketClosingTopic: need('v2.system.socket_closing'),
        socketClosingBody: closingBody ? closingBody[1] : null,
        eventFields: fields('NotificationEvent'),
        metadataFields: fields('Metadata'),
        channelMetadataFields: fields('ChannelMetadataNotification'),
    };
}

function notifications() {
    const contract = cloudContract('Genesys Cloud Notifications API (channels, subscriptions, available topics) and its event models',
        ['NotificationsApi'], op => op.path.startsWith('/api/v2/notifications'),
        [...NOTIFICATION_TOPICS.map(t => t.model), 'SystemMessageSystemMessage']);
    contract.topics = NOTIFICATION_TOPICS;
    contract.webSocket = notificationHandlerFacts();
    contract.notes.push('topics pairs each topic template with the SDK model of its eventBody; webSocket holds what the Java SDK\'s NotificationHandler sends (clientPing) and recognises (topics), and the JSON field names of its message classes (eventFields: a message is {topicName, version, eventBody, metadata}).');
    return contract;
}

// ---- Multicloud CX Statistics ---------------------------------------------------------------------------------

function jsDocType(t) {
    t = t.trim();
    let m;
    if ((m = /^Array\.<(.*)>$/.exec(t))) return { type: 'array', items: jsDocType(m[1]) };
    if ((m = /^module:model\/(\w+)$/.exec(t))) return m[1] === 'String' ? { type: 'string' } : { type: 'object', ref: m[1] };
    if (t === 'String') return { type: 'string' };
    if (t === 'Number') return { type: 'number' };
    if (t === 'Boolean') return { type: 'boolean' };
    if (t === 'Object') return { type: 'object' };
    throw new Error(`Unknown JSDoc type ${t}`);
}

function statisticsModels(dir) {
    const models = {};
    for (const file of readdirSync(dir).filter(f => f.endsWith('.js')).sort()) {
        const src = readFileSync(join(dir, file), 'utf8');
        const name = file.replace(/\.js$/, '');
        const fields = {};
        for (const m of src.matchAll(/@member \{([^}]+)\} (\w+)/g)) fields[m[2]] = jsDocType(m[1]);
        const ctor = /var exports = function\(([^)]*)\)/.exec(src);
        const required = ctor && ctor[1].trim() ? ctor[1].split(',').map(s => s.trim()) : [];
        models[name] = { fields, required };
    }
    return models;
}

function statisticsOperations(src) {
    const ops = [];
    const re = /\/\*\*([\s\S]*?)\*\/\s*this\.(\w+)WithHttpInfo = function\(([^)]*)\) \{([\s\S]*?)return this\.apiClient\.callApi\(\s*'([^']+)', '(\w+)'/g;
    for (const m of src.matchAll(re)) {
        const [, doc, name, , body, path, method] = m;
        const docParams = {};
        for (const d of doc.matchAll(/@param \{([^}]+)\} (?:opts\.)?(\w+) (.*)/g)) docParams[d[2]] = { type: d[1], text: d[3] };
        const block = (n) => (new RegExp(`var ${n} = \\{([\\s\\S]*?)\\};`).exec(body) || [, ''])[1];
        const pathParams = [...block('pathParams').matchAll(/'(\w+)':/g)].map(x => x[1]);
        const queryParams = [];
        for (const q of block('queryParams').matchAll(/'(\w+)': (opts\['\w+'\]|\w+)/g)) {
            const text = docParams[q[1]]?.text || '';
            const p = { name: q[1], format: /comma-delimited/i.test(text) ? 'csv' : 'single', required: !q[2].startsWith('opts[') };
            const values = /Possible values are: ([^.]*)\./.exec(text);
            if (values) p.enum = values[1].split(/,| and /).map(s => s.trim()).filter(Boolean);
            queryParams.push(p);
        }
        for (const q of block('collectionQueryParams').matchAll(/'(\w+)': \{[^}]*collectionFormat: '(\w+)'/g)) {
            queryParams.push({ name: q[1], format: q[2], required: false });
        }
        const returnType = /var returnType = (\w+);/.exec(body)[1];
        const postBody = /var postBody = (\w+);/.exec(body)[1];
        ops.push({
            operationId: name, method, path: `/statistics/v3${path}`, pathParams, queryParams,
            body: postBody === 'null' ? null : { type: 'object', required: true },
            response: { type: 'object', ref: returnType },
        });
    }
    return ops;
}

/**
 * Runs the official Statistics client against a local recording server (REST and a minimal Bayeux peer), so that
 * the contract holds what the client really sends: headers, query encoding, body shapes, cookies.
 */
async function observeStatisticsClient() {
    const Statistics = require('genesys-statistics-client-js');
    const seen = [];
    let connects = 0;
    const server = http.createServer((req, res) => {
        let body = '';
        req.on('data', c => (body += c));
        req.on('end', () => {
            const url = new URL(req.url, 'http://localhost');
            const cometd = url.pathname.startsWith('/statistics/v3/notifications');
            let parsed = null;
            try { parsed = body ? JSON.parse(body) : null; } catch { parsed = body; }
            const record = {
                method: req.method, path: url.pathname, rawQuery: url.search.replace(/^\?/, ''),
                headers: Object.keys(req.headers).filter(h => !['host', 'connection', 'content-length', 'accept-encoding'].includes(h)).sort(),
                cookie: req.headers.cookie || null,
            };
            if (cometd) {
                record.bayeux = (Array.isArray(parsed) ? parsed : [parsed]).map(m => ({ channel: m.channel, subscription: m.subscription }));
            } else {
                record.body = parsed;
            }
            seen.push(record);
            res.setHeader('Content-Type', 'application/json');
            if (cometd) {
                const replies = (Array.isArray(parsed) ? parsed : [parsed]).map(m => {
                    const r = { id: m.id, channel: m.channel, successful: true };
                    if (m.channel === '/meta/handshake') Object.assign(r, { clientId: 'c1', version: '1.0', supportedConnectionTypes: ['long-polling'], advice: { reconnect: 'retry', interval: 0, timeout: 100 } });
                    if (m.channel === '/meta/connect') { connects++; r.advice = { reconnect: connects > 2 ? 'none' : 'retry', interval: 0, timeout: 100 }; }
                    if (m.channel === '/meta/subscribe') r.subscription = m.subscription;
                    return r;
                });
                res.setHeader('Set-Cookie', 'BAYEUX_BROWSER=probe-session; Path=/');
                res.end(JSON.stringify(replies));
            } else {
                res.end(JSON.stringify({ status: { code: 0 }, data: {} }));
            }
        });
    });
    await new Promise(r => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${server.address().port}`;
    const logger = require('winston');
    logger.level = 'error';
    const stats = new Statistics('probe-api-key', base);
    try {
        await stats.initialize('probe-token');
        await new Promise(r => setTimeout(r, 300));
        await stats.createSubscription('op-1', [{ statisticId: 's1', name: 'CurrentAgentState', objectId: 'a1', objectType: 'Agent' }], true);
        await stats.peekSubscriptionStats('op-1', ['s1', 's2'], false);
        await stats.getStatValue('CurrentAgentState', 'a1', 'Agent');
        await stats.getStatValues([{ name: 'CurrentAgentState', objectId: 'a1', objectType: 'Agent' }]);
        await stats.deleteSubscription('op-1');
    } finally {
        stats.destroy();
        await new Promise(r => setTimeout(r, 200));
        server.close();
    }
    return seen;
}

async function statistics() {
    const sdk = pkg('genesys-statistics-client-js');
    const src = readFileSync(join(sdk.dir, 'src', 'internal', 'api', 'StatisticsApi.js'), 'utf8');
    const index = readFileSync(join(sdk.dir, 'src', 'index.js'), 'utf8');
    const notifications = readFileSync(join(sdk.dir, 'src', 'notifications.js'), 'utf8');
    const models = statisticsModels(join(sdk.dir, 'src', 'internal', 'model'));
    const operations = statisticsOperations(src);
    const channels = [...index.matchAll(/Channel = "([^"]+)"/g)].map(m => m[1]);
    const observed = await observeStatisticsClient();
    const rest = observed.filter(r => !r.bayeux);
    // how the client really encodes each query parameter (a repeated name is "multi")
    for (const op of operations) {
        const r = rest.find(x => x.method === op.method && new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(x.path));
        if (!r) continue;
        const names = new URLSearchParams(r.rawQuery).getAll.bind(new URLSearchParams(r.rawQuery));
        for (const q of op.queryParams) {
            const values = names(q.name);
            if (values.length > 1) q.observedFormat = 'multi';
            else if (values.length === 1 && values[0].includes(',')) q.observedFormat = 'csv';
            else if (values.length === 1) q.observedFormat = 'single';
        }
    }
    const bayeux = observed.filter(r => r.bayeux);
    return {
        api: 'Genesys Multicloud CX Statistics',
        sources: {
            operationsAndModels: `npm genesys-statistics-client-js@${sdk.version} (src/internal/api/StatisticsApi.js, src/internal/model/*.js; OpenAPI ${/OpenAPI spec version: (\S+)/.exec(src)?.[1]})`,
            notifications: `npm genesys-statistics-client-js@${sdk.version} (src/index.js, src/notifications.js)`,
            observed: 'the same client run by extract.mjs against a local recording server (REST + minimal Bayeux peer)',
        },
        notes: [
            'Request bodies are untyped in the client (Object); the shapes the client builds are in "requestBodies" and "observed".',
            'Every response is an envelope {status:{code,message,detail}, data, errors, path}; required lists the constructor parameters of the generated model.',
            'The client shares one cookie jar between its REST client and the CometD transport (index.js passes client.agent.jar to notifications.initialize; the transport context holds it).',
        ],
        generatedBy: 'contract/extract.mjs',
        basePath: '/statistics/v3',
        requestHeaders: ['x-api-key', 'Authorization: Bearer <token>'],
        operations,
        requestBodies: {
            createSubscription: { operationId: { type: 'string' }, data: { statistics: { type: 'array', items: { type: 'object' } } } },
            getStatValues: { data: { statistics: { type: 'array', items: { type: 'object' } } } },
        },
        notifications: {
            path: '/statistics/v3/notifications',
            transport: /findTransport\('([^']+)'\)/.exec(notifications)?.[1],
            channels,
            requestHeaders: ['x-api-key', 'Authorization: Bearer <token>'],
            sharedCookieJar: /this\.cookieJar = client\.agent\.jar/.test(index) && /cookieJar: cookieJar/.test(notifications),
        },
        models,
        observed: {
            rest,
            bayeuxChannels: [...new Set(bayeux.flatMap(r => r.bayeux.map(m => m.subscription || m.channel)))],
            bayeuxHeaders: [...new Set(bayeux.flatMap(r => r.headers))].sort(),
            restCarriesCometdCookie: rest.some(r => (r.cookie || '').includes('BAYEUX_BROWSER=probe-session')),
        },
    };
}

// ---- main -----------------------------------------------------------------------------------------------------

mkdirSync(outDir, { recursive: true });
const ec = externalContacts();
writeFileSync(join(outDir, 'externalcontacts.json'), JSON.stringify(ec, null, 2) + '\n');
console.log(`externalcontacts.json: ${ec.operations.length} operations, ${Object.keys(ec.models).length} models,`
    + ` ${ec.refinedFromJava} types refined from the Java SDK, ${ec.javaSdkDifferences.operations.length} operation and`
    + ` ${ec.javaSdkDifferences.fields.length} field differences with it`);
const cv = conversations();
writeFileSync(join(outDir, 'conversations.json'), JSON.stringify(cv, null, 2) + '\n');
console.log(`conversations.json: ${cv.operations.length} operations, ${Object.keys(cv.models).length} models,`
    + ` ${cv.refinedFromJava} types refined from the Java SDK, ${cv.javaSdkDifferences.operations.length} operation and`
    + ` ${cv.javaSdkDifferences.fields.length} field differences with it`);
const nt = notifications();
writeFileSync(join(outDir, 'notifications.json'), JSON.stringify(nt, null, 2) + '\n');
console.log(`notifications.json: ${nt.operations.length} operations, ${Object.keys(nt.models).length} models,`
    + ` ${nt.topics.length} topics, ${nt.refinedFromJava} types refined from the Java SDK,`
    + ` ${nt.javaSdkDifferences.operations.length} operation and ${nt.javaSdkDifferences.fields.length} field differences with it`);
const st = await statistics();
writeFileSync(join(outDir, 'statistics.json'), JSON.stringify(st, null, 2) + '\n');
console.log(`statistics.json: ${st.operations.length} operations, ${Object.keys(st.models).length} models,`
    + ` ${st.observed.rest.length} REST requests observed, cookie shared with CometD: ${st.observed.restCarriesCometdCookie}`);
