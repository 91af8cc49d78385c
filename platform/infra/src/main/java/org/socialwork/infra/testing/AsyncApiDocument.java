package org.socialwork.infra.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;

/**
 * An AsyncAPI document with the files it references, read the way AsyncAPI tools read it and
 * checked before anything relies on it:
 * <ol>
 * <li>it is valid YAML (a duplicate key counts as invalid);</li>
 * <li>it is valid against the JSON Schema of the AsyncAPI version it declares ({@code asyncapi:}),
 * as written and again with every reference resolved; the specification's schemas ship with this
 * class (see {@code asyncapi/README.md} beside it);</li>
 * <li>every {@code $ref}, local ({@code #/components/...}) or to a file relative to the document
 * ({@code schemas/station-changed.v1.schema.json}), resolves, in the document and in every file it
 * reaches;</li>
 * <li>the rules this project adds for Kafka: every channel names its topic ({@code address}), every
 * message has a {@code name} (its CloudEvents {@code type}, unique within its channel), a payload
 * schema that compiles and, if it has headers, a headers schema that compiles; every operation's
 * messages belong to its channel;</li>
 * <li>every message has at least one example, every example validates against its message's
 * payload (and headers) schema, and every file in {@code examples/} beside the document is the
 * example of some message.</li>
 * </ol>
 * The schemas a record is validated against are the ones reached from the document: channel (by
 * topic) → message (by {@code ce_type}) → {@code payload} / {@code headers}, never a file picked by name.
 */
public final class AsyncApiDocument {

    /** The document's name in its folder. */
    public static final String DOCUMENT = "asyncapi.yaml";

    /** Where the referenced files seem to live for the JSON Schema validator; nothing is fetched from it. */
    private static final String BASE = "https://asyncapi-document.invalid/";
    private static final String SPEC_SCHEMAS = "org/socialwork/infra/testing/asyncapi/";
    private static final int MAX_SPEC_MESSAGES = 25;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = new YAMLMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads the document's folder: paths are relative to it, with {@code /} as separator. */
    public interface Folder {

        /** The file's bytes; empty if there is no such file. */
        Optional<byte[]> read(String path);

        /** Names of the files directly inside {@code path}; empty if there is no such folder. */
        List<String> list(String path);

        /** How a problem names the file at {@code path}, e.g. {@code events/asyncapi.yaml}. */
        String describe(String path);
    }

    /** A channel: its key in {@code channels}, its topic and its messages by key. */
    public record Channel(String key, String address, Map<String, Message> messages) {

        /** The message whose {@code name} (CloudEvents type) is {@code type}. */
        public Optional<Message> messageOfType(String type) {
            return messages.values().stream().filter(m -> m.name().equals(type)).findFirst();
        }
    }

    /**
     * A message of a channel: its key in the channel, its {@code name} (the CloudEvents type), the
     * payload and headers schemas reached through the document, and how many examples it has.
     */
    public record Message(String key, String name, String payloadLocation, JsonSchema payload, JsonSchema headers,
            int examples) {

        /** Problems of {@code payload} against this message's payload schema, with the instance path. */
        public List<String> payloadProblems(JsonNode payload) {
            return messages(this.payload.validate(payload));
        }

        /** Problems of {@code headers} against this message's headers schema (none if it declares none). */
        public List<String> headersProblems(JsonNode headers) {
            return this.headers == null ? List.of() : messages(this.headers.validate(headers));
        }
    }

    private final Folder folder;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, JsonNode> files = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Set<String> exampleFiles = new TreeSet<>();
    private JsonSchemaFactory schemas;
    private JsonNode document;

    private AsyncApiDocument(Folder folder) {
        this.folder = folder;
        check();
    }

    /** Reads and checks {@code folder}/asyncapi.yaml; see {@link #problems()}. */
    public static AsyncApiDocument read(Folder folder) {
        return new AsyncApiDocument(folder);
    }

    /** Reads and checks {@code <folder>/asyncapi.yaml} on the class path of {@code loader}, e.g. {@code events}. */
    public static AsyncApiDocument onClasspath(ClassLoader loader, String folder) {
        return read(classpathFolder(loader, folder));
    }

    /** Reads and checks {@code <folder>/asyncapi.yaml} on the file system. */
    public static AsyncApiDocument inDirectory(Path folder) {
        return read(directoryFolder(folder));
    }

    /** Everything wrong with the document, each naming the file and where in it; empty if it holds. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** This document, if it has no problem; otherwise an {@link AssertionError} listing them all. */
    public AsyncApiDocument requireValid() {
        if (!problems.isEmpty()) {
            throw new AssertionError(folder.describe(DOCUMENT) + " does not hold (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        }
        return this;
    }

    /** The channels by key, in document order. */
    public Map<String, Channel> channels() {
        return Collections.unmodifiableMap(channels);
    }

    /** The channel whose address is {@code topic}. */
    public Optional<Channel> channelAt(String topic) {
        return channels.values().stream().filter(c -> topic.equals(c.address())).findFirst();
    }

    /** Every channel's address (topic), in document order. */
    public List<String> addresses() {
        return channels.values().stream().map(Channel::address).toList();
    }

    /** How many distinct messages the channels hold (a message reused by two channels counts twice). */
    public int messageCount() {
        return channels.values().stream().mapToInt(c -> c.messages().size()).sum();
    }

    /** The example files ({@code examples/...}) the messages reference, each validated. */
    public Set<String> exampleFiles() {
        return Collections.unmodifiableSet(exampleFiles);
    }

    /** How the document is named in messages. */
    public String describe() {
        return folder.describe(DOCUMENT);
    }

    // ------------------------------------------------------------------------------------------

    private void check() {
        Optional<JsonNode> parsed = parse(DOCUMENT);
        if (parsed.isEmpty()) {
            return;
        }
        document = parsed.get();
        if (!document.isObject()) {
            problems.add(where(DOCUMENT, "") + ": the document is not a YAML mapping");
            return;
        }
        String version = document.path("asyncapi").asText("");
        Optional<JsonSchema> spec = specification(version);
        if (spec.isEmpty()) {
            problems.add(where(DOCUMENT, "/asyncapi") + ": declares AsyncAPI version '" + version
                    + "', for which no specification schema is bundled (" + SPEC_SCHEMAS + "asyncapi-" + version + ".json)");
            return;
        }
        for (String message : limit(messages(spec.get().validate(document)))) {
            problems.add(describe() + ": not valid AsyncAPI " + version + ": " + message);
        }
        int before = problems.size();
        checkReferences();
        if (problems.size() > before) {
            return;
        }
        schemas = validatorFactory();
        readChannels();
        checkOperations();
        checkExampleFolder();
    }

    private Optional<JsonSchema> specification(String version) {
        if (!version.matches("[0-9A-Za-z.\\-]+")) {
            return Optional.empty();
        }
        try (InputStream in = AsyncApiDocument.class.getClassLoader()
                .getResourceAsStream(SPEC_SCHEMAS + "asyncapi-" + version + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode schema = JSON.readTree(in);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                    builder -> builder.schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                            iri -> iri.toString().startsWith("classpath:")))));
            JsonSchema compiled = factory.getSchema(schema,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            compiled.initializeValidators();
            return Optional.of(compiled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI " + version + " schema", e);
        }
    }

    // -- references -----------------------------------------------------------------------------

    /** Resolves every {@code $ref} of the document and of every file it reaches. */
    private void checkReferences() {
        Deque<String> pending = new ArrayDeque<>(List.of(DOCUMENT));
        Set<String> walked = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            String file = pending.pop();
            if (!walked.add(file)) {
                continue;
            }
            JsonNode root = files.get(file);
            walk(root, "", (pointer, ref) -> {
                try {
                    Target target = resolve(file, ref);
                    if (!walked.contains(target.file())) {
                        pending.push(target.file());
                    }
                } catch (UnresolvedReference e) {
                    problems.add(where(file, pointer) + ": $ref '" + ref + "' does not resolve: " + e.getMessage());
                }
            });
        }
    }

    private interface RefVisitor {
        void visit(String pointer, String ref);
    }

    private static void walk(JsonNode node, String pointer, RefVisitor visitor) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                visitor.visit(pointer + "/$ref", ref.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** A node reached by a reference: its file, its JSON pointer in that file and the node. */
    private record Target(String file, String pointer, JsonNode node) {
    }

    private static final class UnresolvedReference extends Exception {
        UnresolvedReference(String message) {
            super(message);
        }
    }

    private Target resolve(String fromFile, String ref) throws UnresolvedReference {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        String file = fromFile;
        if (!filePart.isEmpty()) {
            if (filePart.matches("^[A-Za-z][A-Za-z0-9+.\\-]*:.*") || filePart.startsWith("/")) {
                throw new UnresolvedReference("only local references and files relative to the document are allowed");
            }
            file = normalize(fromFile, filePart);
            if (!files.containsKey(file)) {
                Optional<byte[]> bytes = folder.read(file);
                if (bytes.isEmpty()) {
                    throw new UnresolvedReference(folder.describe(file) + " does not exist");
                }
                JsonNode parsed = parseBytes(file, bytes.get());
                if (parsed == null) {
                    throw new UnresolvedReference(folder.describe(file) + " is not valid "
                            + (file.endsWith(".json") ? "JSON" : "YAML"));
                }
                files.put(file, parsed);
            }
        }
        String pointer = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new UnresolvedReference("'#" + fragment + "' is not a JSON pointer");
        }
        JsonNode node = files.get(file).at(pointer);
        if (node.isMissingNode()) {
            throw new UnresolvedReference("no '" + pointer + "' in " + folder.describe(file));
        }
        return new Target(file, pointer, node);
    }

    private static String normalize(String fromFile, String relative) throws UnresolvedReference {
        Deque<String> parts = new ArrayDeque<>();
        int slash = fromFile.lastIndexOf('/');
        String dir = slash < 0 ? "" : fromFile.substring(0, slash);
        for (String part : (dir.isEmpty() ? relative : dir + "/" + relative).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new UnresolvedReference("'" + relative + "' leaves the document's folder");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /** Follows {@code $ref}s until a node that is not a reference. */
    private Target deref(Target target) {
        Target current = target;
        for (int hops = 0; current.node().isObject() && current.node().path("$ref").isTextual(); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("reference loop at " + where(target.file(), target.pointer()));
            }
            try {
                current = resolve(current.file(), current.node().get("$ref").asText());
            } catch (UnresolvedReference e) {
                throw new IllegalStateException(e.getMessage(), e); // checked before: cannot happen
            }
        }
        return current;
    }

    // -- channels, messages, examples -----------------------------------------------------------

    private void readChannels() {
        document.path("channels").fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            Target channel = deref(new Target(DOCUMENT, "/channels/" + escape(key), entry.getValue()));
            JsonNode address = channel.node().get("address");
            if (address == null || !address.isTextual() || address.asText().isBlank()) {
                problems.add(where(channel.file(), channel.pointer() + "/address") + ": channel '" + key
                        + "' has no address: every channel must name its Kafka topic");
                return;
            }
            if (address.asText().contains("{")) {
                problems.add(where(channel.file(), channel.pointer() + "/address") + ": channel '" + key
                        + "' has a parameterised address; topics here are fixed names");
                return;
            }
            Map<String, Message> messages = new LinkedHashMap<>();
            channel.node().path("messages").fields().forEachRemaining(m -> {
                Message message = readMessage(key, m.getKey(),
                        new Target(channel.file(), channel.pointer() + "/messages/" + escape(m.getKey()), m.getValue()));
                if (message != null) {
                    messages.put(m.getKey(), message);
                }
            });
            if (channel.node().path("messages").isEmpty()) {
                problems.add(where(channel.file(), channel.pointer()) + ": channel '" + key + "' declares no message");
            }
            Set<String> names = new LinkedHashSet<>();
            for (Message message : messages.values()) {
                if (!names.add(message.name())) {
                    problems.add(where(channel.file(), channel.pointer() + "/messages") + ": two messages of channel '"
                            + key + "' are both named '" + message.name() + "': the CloudEvents type must tell them apart");
                }
            }
            if (channels.values().stream().anyMatch(c -> c.address().equals(address.asText()))) {
                problems.add(where(channel.file(), channel.pointer() + "/address") + ": address '" + address.asText()
                        + "' is declared by two channels");
            }
            channels.put(key, new Channel(key, address.asText(), Collections.unmodifiableMap(messages)));
        });
        if (channels.isEmpty() && problems.isEmpty()) {
            problems.add(where(DOCUMENT, "/channels") + ": the document declares no channel");
        }
    }

    private Message readMessage(String channel, String key, Target reference) {
        Target message = deref(reference);
        String at = where(message.file(), message.pointer());
        String label = "message '" + key + "' of channel '" + channel + "'";
        JsonNode name = message.node().get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(at + ": " + label + " has no name: its name is the CloudEvents type (ce_type) of its events");
            return null;
        }
        if (!message.node().has("payload")) {
            problems.add(at + ": " + label + " has no payload schema");
            return null;
        }
        Optional<Compiled> payload = compile(new Target(message.file(), message.pointer() + "/payload",
                message.node().get("payload")), label + " payload");
        Optional<Compiled> headers = message.node().has("headers")
                ? compile(new Target(message.file(), message.pointer() + "/headers", message.node().get("headers")),
                        label + " headers")
                : Optional.empty();
        if (payload.isEmpty() || (message.node().has("headers") && headers.isEmpty())) {
            return null;
        }
        JsonNode examples = message.node().path("examples");
        if (examples.isEmpty()) {
            problems.add(at + ": " + label + " has no example");
        }
        for (int i = 0; i < examples.size(); i++) {
            String examplePointer = message.pointer() + "/examples/" + i;
            JsonNode example = examples.get(i);
            if (example.has("payload")) {
                Target value = exampleValue(message.file(), examplePointer + "/payload", example.get("payload"));
                for (String problem : messages(payload.get().schema().validate(value.node()))) {
                    problems.add(where(value.file(), value.pointer()) + ": example " + i + " of " + label
                            + " does not match its payload schema " + payload.get().location() + ": " + problem);
                }
            } else {
                problems.add(where(message.file(), examplePointer) + ": example " + i + " of " + label + " has no payload");
            }
            if (example.has("headers") && headers.isPresent()) {
                Target value = exampleValue(message.file(), examplePointer + "/headers", example.get("headers"));
                for (String problem : messages(headers.get().schema().validate(value.node()))) {
                    problems.add(where(value.file(), value.pointer()) + ": example " + i + " of " + label
                            + " does not match its headers schema: " + problem);
                }
            }
        }
        return new Message(key, name.asText(), payload.get().location(), payload.get().schema(),
                headers.map(Compiled::schema).orElse(null), examples.size());
    }

    private Target exampleValue(String file, String pointer, JsonNode node) {
        Target value = deref(new Target(file, pointer, node));
        if (!value.file().equals(file)) {
            exampleFiles.add(value.file());
        }
        return value;
    }

    private record Compiled(String location, JsonSchema schema) {
    }

    /**
     * Compiles the schema at {@code at} (a Schema Object, a reference or a Multi Format Schema
     * Object) as the JSON Schema validator reads it from the document, so that every reference in
     * it resolves from where the document says, and the dialect is the one its file declares.
     */
    private Optional<Compiled> compile(Target at, String label) {
        Target schema = at;
        if (at.node().isObject() && at.node().has("schema")) {
            String format = at.node().path("schemaFormat").asText("");
            if (!format.isEmpty() && !format.startsWith("application/schema+json")
                    && !format.startsWith("application/schema+yaml") && !format.startsWith("application/vnd.aai.asyncapi")) {
                problems.add(where(at.file(), at.pointer()) + ": " + label + " uses schemaFormat '" + format
                        + "', which this check cannot validate");
                return Optional.empty();
            }
            schema = new Target(at.file(), at.pointer() + "/schema", at.node().get("schema"));
        }
        Target reached = deref(schema);
        String location = reached.pointer().isEmpty() ? reached.file() : reached.file() + "#" + reached.pointer();
        try {
            JsonSchema compiled = schemas.getSchema(SchemaLocation.of(BASE + schema.file() + "#" + schema.pointer()),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            compiled.initializeValidators();
            return Optional.of(new Compiled(location, compiled));
        } catch (RuntimeException e) {
            problems.add(where(at.file(), at.pointer()) + ": " + label + " (" + location + ") does not compile as JSON Schema: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** Validators read the document's files only: any other location is refused, never fetched. */
    private JsonSchemaFactory validatorFactory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .schemaLoaders(loaders -> loaders
                        .add(iri -> {
                            String text = iri.toString();
                            if (!text.startsWith(BASE)) {
                                return null;
                            }
                            String path = text.substring(BASE.length());
                            JsonNode node = files.get(path);
                            if (node == null) {
                                return null;
                            }
                            byte[] json;
                            try {
                                json = JSON.writeValueAsBytes(node);
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException(e);
                            }
                            InputStreamSource source = () -> new java.io.ByteArrayInputStream(json);
                            return source;
                        })
                        .add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));
    }

    private void checkOperations() {
        document.path("operations").fields().forEachRemaining(entry -> {
            String pointer = "/operations/" + escape(entry.getKey());
            Target operation = deref(new Target(DOCUMENT, pointer, entry.getValue()));
            String channelRef = operation.node().path("channel").path("$ref").asText("");
            if (!channelRef.matches("#/channels/[^/]+")) {
                problems.add(where(operation.file(), operation.pointer() + "/channel") + ": operation '" + entry.getKey()
                        + "' must reference one of the document's channels (#/channels/<key>), not '" + channelRef + "'");
                return;
            }
            JsonNode operationMessages = operation.node().path("messages");
            for (int i = 0; i < operationMessages.size(); i++) {
                String ref = operationMessages.get(i).path("$ref").asText("");
                if (!ref.startsWith(channelRef + "/messages/")) {
                    problems.add(where(operation.file(), operation.pointer() + "/messages/" + i) + ": operation '"
                            + entry.getKey() + "' sends '" + ref + "', which is not a message of its channel " + channelRef);
                }
            }
        });
    }

    private void checkExampleFolder() {
        for (String name : folder.list("examples")) {
            String file = "examples/" + name;
            if (name.endsWith(".json") && !exampleFiles.contains(file)) {
                problems.add(folder.describe(file) + ": belongs to no message: no message's examples reference it");
            }
        }
    }

    // -- helpers --------------------------------------------------------------------------------

    private Optional<JsonNode> parse(String file) {
        Optional<byte[]> bytes = folder.read(file);
        if (bytes.isEmpty()) {
            problems.add(folder.describe(file) + " is missing");
            return Optional.empty();
        }
        JsonNode node = parseBytes(file, bytes.get());
        if (node == null) {
            return Optional.empty();
        }
        files.put(file, node);
        return Optional.of(node);
    }

    /** The file's tree, or null after adding the parse error to the problems. */
    private JsonNode parseBytes(String file, byte[] bytes) {
        boolean json = file.endsWith(".json");
        try {
            JsonNode node = (json ? JSON : YAML).readTree(bytes);
            if (node == null || node.isMissingNode()) {
                problems.add(folder.describe(file) + " is empty");
                return null;
            }
            return node;
        } catch (IOException e) {
            problems.add(folder.describe(file) + " is not valid " + (json ? "JSON" : "YAML") + ": "
                    + e.getMessage().replace('\n', ' '));
            return null;
        }
    }

    private String where(String file, String pointer) {
        return folder.describe(file) + "#" + pointer;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> messages(Collection<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static List<String> limit(List<String> messages) {
        if (messages.size() <= MAX_SPEC_MESSAGES) {
            return messages;
        }
        List<String> shown = new ArrayList<>(messages.subList(0, MAX_SPEC_MESSAGES));
        shown.add("... and " + (messages.size() - MAX_SPEC_MESSAGES) + " more");
        return shown;
    }

    // -- folders --------------------------------------------------------------------------------

    /** The folder {@code root} (e.g. {@code events}) on the class path of {@code loader}. */
    public static Folder classpathFolder(ClassLoader loader, String root) {
        return new Folder() {
            @Override
            public Optional<byte[]> read(String path) {
                try (InputStream in = loader.getResourceAsStream(root + "/" + path)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public List<String> list(String path) {
                URL url = loader.getResource(root + "/" + path);
                if (url == null) {
                    return List.of();
                }
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException("cannot list " + url + ": only folders on the file system are listed");
                }
                try {
                    return directoryFolder(Path.of(url.toURI()).getParent()).list(Path.of(url.toURI()).getFileName().toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String describe(String path) {
                return root + "/" + path;
            }
        };
    }

    /** The folder {@code root} on the file system. */
    public static Folder directoryFolder(Path root) {
        return new Folder() {
            @Override
            public Optional<byte[]> read(String path) {
                try {
                    return Optional.of(Files.readAllBytes(root.resolve(path)));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public List<String> list(String path) {
                Path dir = root.resolve(path);
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> listing = Files.list(dir)) {
                    return listing.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
                            .collect(Collectors.toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe(String path) {
                return root.resolve(path).toString();
            }
        };
    }
}
