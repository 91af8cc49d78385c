package org.socialwork.infra.testing;

import static com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

/**
 * A service's AsyncAPI document ({@code asyncapi.yaml}) and the files it references, checked before
 * a test relies on it:
 * <ol>
 * <li>it is valid YAML (a duplicate key counts as invalid);</li>
 * <li>it is valid against the official JSON Schema of the AsyncAPI version it declares
 * ({@code asyncapi: 3.0.0}), bundled beside this class (see {@code asyncapi/README.md}), with
 * networknt's json-schema-validator;</li>
 * <li>every {@code $ref} resolves, local ({@code #/components/...}) or to a file relative to the
 * document ({@code schemas/station-changed.v1.schema.json}), in the document and in every file it
 * reaches; no reference leaves the folder, nothing is fetched;</li>
 * <li>what the specification's schema cannot say: an operation's messages are messages of its
 * channel; and what this project needs: every channel has an {@code address} (its Kafka topic),
 * every message a {@code name} (its CloudEvents type, unique in its channel), a payload schema and
 * at least one example that validates against that schema (headers too), and every file in
 * {@code examples/} is the example of some message.</li>
 * </ol>
 * Records are validated against the schemas reached through the document: channel (by topic) →
 * message (by {@code ce_type}) → {@code payload} / {@code headers}, never against a file picked by name.
 */
public final class AsyncApiDocument {

    /** The document's name in its folder. */
    public static final String DOCUMENT = "asyncapi.yaml";

    private static final String SPEC = "org/socialwork/infra/testing/asyncapi/asyncapi-%s.json";
    private static final int MAX_SPEC_PROBLEMS = 25;
    private static final ObjectMapper JSON = new ObjectMapper().enable(STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML = new YAMLMapper().enable(STRICT_DUPLICATE_DETECTION);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private static final Map<String, Optional<JsonSchema>> SPECIFICATIONS = new ConcurrentHashMap<>();

    /** A channel: its key in {@code channels}, its topic and its messages by key. */
    public record Channel(String key, String address, Map<String, Message> messages) {

        /** The message whose {@code name} (CloudEvents type) is {@code type}. */
        public Optional<Message> messageOfType(String type) {
            return messages.values().stream().filter(m -> m.name().equals(type)).findFirst();
        }
    }

    /**
     * A message of a channel: its key, its {@code name} (the CloudEvents type), where its payload
     * schema is and the payload and headers schemas (headers null if it declares none).
     */
    public record Message(String key, String name, String payloadLocation, JsonSchema payload, JsonSchema headers) {

        /** Problems of {@code payload} against this message's payload schema, with the instance path. */
        public List<String> payloadProblems(JsonNode payload) {
            return messages(this.payload.validate(payload));
        }

        /** Problems of {@code headers} against this message's headers schema (none if it declares none). */
        public List<String> headersProblems(JsonNode headers) {
            return this.headers == null ? List.of() : messages(this.headers.validate(headers));
        }
    }

    /** A node of one of the files: file (relative to the folder, {@code /}-separated), JSON pointer, node. */
    private record Target(String file, String pointer, JsonNode node) {
        String location() {
            return pointer.isEmpty() ? file : file + "#" + pointer;
        }
    }

    private final Path folder;
    private final JsonSchemaFactory schemas;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, JsonNode> files = new HashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Set<String> exampleFiles = new TreeSet<>();

    private AsyncApiDocument(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.schemas = factory(iri -> iri.startsWith("file:") && Path.of(URI.create(iri)).normalize().startsWith(this.folder));
        check();
    }

    /** Reads and checks {@code <folder>/asyncapi.yaml}; see {@link #problems()}. */
    public static AsyncApiDocument inDirectory(Path folder) {
        return new AsyncApiDocument(folder);
    }

    /** Reads and checks {@code <folder>/asyncapi.yaml} of the class path (a directory, not a jar), e.g. {@code events}. */
    public static AsyncApiDocument onClasspath(ClassLoader loader, String folder) {
        URL url = loader.getResource(folder + "/" + DOCUMENT);
        if (url == null) {
            throw new AssertionError("no " + folder + "/" + DOCUMENT + " on the class path");
        }
        try {
            return inDirectory(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException | FileSystemNotFoundException e) {
            throw new IllegalStateException(url + " is not a file: the document is read from a directory", e);
        }
    }

    /** Everything wrong with the document, each naming the file and the place in it; empty if it holds. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** This document, if it has no problem; otherwise an {@link AssertionError} listing them all. */
    public AsyncApiDocument requireValid() {
        if (!problems.isEmpty()) {
            throw new AssertionError(describe() + " does not hold (" + problems.size() + " problem"
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
        return channels.values().stream().filter(c -> c.address().equals(topic)).findFirst();
    }

    /** Every channel's address (topic), in document order. */
    public List<String> addresses() {
        return channels.values().stream().map(Channel::address).toList();
    }

    /** How many messages the channels hold (a message two channels reference counts twice). */
    public int messageCount() {
        return channels.values().stream().mapToInt(c -> c.messages().size()).sum();
    }

    /** The example files ({@code examples/...}) the messages reference, each validated against its message. */
    public Set<String> exampleFiles() {
        return Collections.unmodifiableSet(exampleFiles);
    }

    /** How problems name the document, e.g. {@code target/classes/events/asyncapi.yaml}. */
    public String describe() {
        return describe(DOCUMENT);
    }

    // -- the checks -------------------------------------------------------------------------------

    private void check() {
        JsonNode document;
        try {
            document = read(DOCUMENT);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return;
        }
        String version = document.path("asyncapi").asText("");
        Optional<JsonSchema> spec = specification(version);
        if (spec.isEmpty()) {
            problems.add(where(DOCUMENT, "/asyncapi") + ": no AsyncAPI specification schema is bundled for version '"
                    + version + "' (" + SPEC.formatted(version) + ")");
            return;
        }
        List<String> invalid = messages(spec.get().validate(document));
        invalid.stream().limit(MAX_SPEC_PROBLEMS).forEach(p -> problems.add(describe() + ": not valid AsyncAPI " + version + ": " + p));
        if (invalid.size() > MAX_SPEC_PROBLEMS) {
            problems.add(describe() + ": ... and " + (invalid.size() - MAX_SPEC_PROBLEMS) + " more");
        }
        checkReferences();
        if (!problems.isEmpty()) {
            return; // what follows relies on a valid document whose references resolve
        }
        document.path("channels").fieldNames().forEachRemaining(key -> readChannel(key, deref(DOCUMENT, "/channels/" + escape(key))));
        if (channels.isEmpty() && problems.isEmpty()) {
            problems.add(where(DOCUMENT, "/channels") + ": the document declares no channel");
        }
        document.path("operations").fieldNames().forEachRemaining(key -> checkOperation(key, deref(DOCUMENT, "/operations/" + escape(key))));
        checkExampleFolder();
    }

    /** Resolves every {@code $ref} of the document and of every file it reaches. */
    private void checkReferences() {
        Deque<String> pending = new ArrayDeque<>(List.of(DOCUMENT));
        Set<String> walked = new HashSet<>();
        while (!pending.isEmpty()) {
            String file = pending.pop();
            if (walked.add(file)) {
                references(files.get(file), "", (pointer, ref) -> {
                    try {
                        pending.push(resolve(file, ref).file());
                    } catch (IllegalArgumentException e) {
                        problems.add(where(file, pointer) + ": $ref '" + ref + "' does not resolve: " + e.getMessage());
                    }
                });
            }
        }
    }

    private void readChannel(String key, Target channel) {
        String at = where(channel.file(), channel.pointer());
        String address = channel.node().path("address").asText("");
        if (address.isBlank() || address.contains("{")) {
            problems.add(at + ": channel '" + key + "' has no fixed address: every channel names its Kafka topic");
        } else if (channelAt(address).isPresent()) {
            problems.add(at + ": channel '" + key + "' has the address '" + address + "' of another channel");
        }
        Map<String, Message> messages = new LinkedHashMap<>();
        channel.node().path("messages").fieldNames().forEachRemaining(name -> {
            String label = "message '" + name + "' of channel '" + key + "'";
            Message message = readMessage(label, name, deref(channel.file(), channel.pointer() + "/messages/" + escape(name)));
            if (message != null && messages.values().stream().anyMatch(m -> m.name().equals(message.name()))) {
                problems.add(at + ": " + label + " has the name '" + message.name() + "' of another message of its"
                        + " channel: the CloudEvents type must tell them apart");
            } else if (message != null) {
                messages.put(name, message);
            }
        });
        if (!channel.node().path("messages").fieldNames().hasNext()) {
            problems.add(at + ": channel '" + key + "' declares no message");
        }
        if (!address.isBlank()) {
            channels.put(key, new Channel(key, address, Collections.unmodifiableMap(messages)));
        }
    }

    private Message readMessage(String label, String key, Target message) {
        String at = where(message.file(), message.pointer());
        JsonNode examples = message.node().path("examples");
        for (int i = 0; i < examples.size(); i++) {
            for (String part : List.of("payload", "headers")) {
                if (examples.get(i).has(part)) {
                    String file = deref(message.file(), message.pointer() + "/examples/" + i + "/" + part).file();
                    if (file.startsWith("examples/")) {
                        exampleFiles.add(file);
                    }
                }
            }
        }
        String name = message.node().path("name").asText("");
        if (name.isBlank()) {
            problems.add(at + ": " + label + " has no name: its name is the CloudEvents type (ce_type) of its events");
            return null;
        }
        if (!message.node().has("payload")) {
            problems.add(at + ": " + label + " has no payload");
            return null;
        }
        JsonSchema payload = compile(message, "/payload", label);
        JsonSchema headers = message.node().has("headers") ? compile(message, "/headers", label) : null;
        if (payload == null || (headers == null && message.node().has("headers"))) {
            return null;
        }
        if (examples.isEmpty()) {
            problems.add(at + ": " + label + " has no example");
        }
        for (int i = 0; i < examples.size(); i++) {
            String example = message.pointer() + "/examples/" + i;
            if (!examples.get(i).has("payload")) {
                problems.add(where(message.file(), example) + ": example " + i + " of " + label + " has no payload");
                continue;
            }
            checkExample(label + ", example " + i + ", payload", deref(message.file(), example + "/payload"), payload);
            if (headers != null && examples.get(i).has("headers")) {
                checkExample(label + ", example " + i + ", headers", deref(message.file(), example + "/headers"), headers);
            }
        }
        return new Message(key, name, deref(message.file(), message.pointer() + "/payload").location(), payload, headers);
    }

    private void checkExample(String label, Target example, JsonSchema schema) {
        for (String problem : messages(schema.validate(example.node()))) {
            problems.add(where(example.file(), example.pointer()) + ": " + label + " does not match its schema: " + problem);
        }
    }

    /**
     * Compiles the message's payload or headers schema as the validator reaches it from the document
     * ({@code asyncapi.yaml#/components/messages/x/payload}), so that its references resolve from
     * where the document says and the dialect is the one its file declares ({@code $schema}).
     */
    private JsonSchema compile(Target message, String member, String label) {
        String pointer = message.pointer() + member;
        JsonNode node = message.node().at(member);
        if (node.has("schemaFormat")) { // a Multi Format Schema Object
            String format = node.path("schemaFormat").asText();
            if (!format.matches("application/(schema|vnd\\.aai\\.asyncapi)(\\+json|\\+yaml)?(;.*)?")) {
                problems.add(where(message.file(), pointer) + ": " + label + " has a schemaFormat this check cannot validate: " + format);
                return null;
            }
            pointer += "/schema";
        }
        try {
            JsonSchema schema = schemas.getSchema(SchemaLocation.of(folder.resolve(message.file()).toUri() + "#" + pointer), CONFIG);
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            problems.add(where(message.file(), pointer) + ": " + label + member + " is no JSON Schema that compiles: " + e.getMessage());
            return null;
        }
    }

    /** The specification says an operation's messages MUST be messages of its channel; its schema cannot check it. */
    private void checkOperation(String key, Target operation) {
        String channel = operation.node().path("channel").path("$ref").asText("");
        JsonNode messages = operation.node().path("messages");
        for (int i = 0; i < messages.size(); i++) {
            String ref = messages.get(i).path("$ref").asText("");
            if (!ref.startsWith(channel + "/messages/")) {
                problems.add(where(operation.file(), operation.pointer() + "/messages/" + i) + ": operation '" + key + "' sends '"
                        + ref + "', which is not a message of its channel '" + channel + "'");
            }
        }
    }

    private void checkExampleFolder() {
        Path examples = folder.resolve("examples");
        if (!Files.isDirectory(examples)) {
            return;
        }
        try (Stream<Path> listing = Files.list(examples)) {
            listing.map(p -> "examples/" + p.getFileName()).filter(f -> !exampleFiles.contains(f)).sorted()
                    .forEach(f -> problems.add(describe(f) + ": is the example of no message"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -- files and references ---------------------------------------------------------------------

    /** The file's tree, read once; {@link IllegalArgumentException} saying why if it is missing or invalid. */
    private JsonNode read(String file) {
        JsonNode known = files.get(file);
        if (known != null) {
            return known;
        }
        Path path = folder.resolve(file);
        boolean json = file.endsWith(".json");
        try {
            JsonNode node = (json ? JSON : YAML).readTree(path.toFile());
            if (node == null || node.isMissingNode() || !node.isContainerNode()) {
                throw new IllegalArgumentException(describe(file) + " holds no " + (json ? "JSON" : "YAML") + " object");
            }
            files.put(file, node);
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(Files.exists(path) ? describe(file) + " is not valid " + (json ? "JSON" : "YAML")
                    + ": " + e.getMessage().replace('\n', ' ') : describe(file) + " does not exist", e);
        }
    }

    /** The node {@code ref}, written in {@code fromFile}, names; {@link IllegalArgumentException} saying why not. */
    private Target resolve(String fromFile, String ref) {
        int hash = ref.indexOf('#');
        String filePart = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : URLDecoder.decode(ref.substring(hash + 1), StandardCharsets.UTF_8);
        String file = fromFile;
        if (!filePart.isEmpty()) {
            if (filePart.matches("[A-Za-z][A-Za-z0-9+.\\-]*:.*") || filePart.startsWith("/")) {
                throw new IllegalArgumentException("only references in the document's folder are allowed; nothing is fetched");
            }
            Path path = folder.resolve(fromFile).resolveSibling(filePart).normalize();
            if (!path.startsWith(folder)) {
                throw new IllegalArgumentException("it leaves the document's folder");
            }
            file = folder.relativize(path).toString().replace(File.separatorChar, '/');
        }
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("'#" + pointer + "' is not a JSON pointer");
        }
        JsonNode node = read(file).at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalArgumentException(describe(file) + " has nothing at '" + pointer + "'");
        }
        return new Target(file, pointer, node);
    }

    /** The node at {@code file#pointer}, following {@code $ref}s (all resolve: checked before). */
    private Target deref(String file, String pointer) {
        Target target = new Target(file, pointer, files.get(file).at(pointer));
        for (int hops = 0; target.node().path("$ref").isTextual(); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("a loop of references at " + where(file, pointer));
            }
            target = resolve(target.file(), target.node().get("$ref").asText());
        }
        return target;
    }

    private static void references(JsonNode node, String pointer, BiConsumer<String, String> visitor) {
        if (node.path("$ref").isTextual()) {
            visitor.accept(pointer + "/$ref", node.get("$ref").asText());
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                references(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    // -- helpers ----------------------------------------------------------------------------------

    /** The AsyncAPI specification's schema for {@code version}, compiled once. */
    private static Optional<JsonSchema> specification(String version) {
        if (!version.matches("[0-9][0-9A-Za-z.\\-]*")) {
            return Optional.empty();
        }
        return SPECIFICATIONS.computeIfAbsent(version, v -> {
            try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(SPEC.formatted(v))) {
                if (in == null) {
                    return Optional.empty();
                }
                JsonSchema schema = factory(iri -> false).getSchema(in, CONFIG);
                schema.initializeValidators();
                return Optional.of(schema);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the AsyncAPI " + v + " schema", e);
            }
        });
    }

    /**
     * Draft-07 by default (the AsyncAPI schemas' dialect; a schema file's {@code $schema} chooses its
     * own); loads the validator's bundled meta-schemas and the {@code allowed} locations, nothing
     * else. Keywords draft-07 does not know (AsyncAPI fields above a schema, {@code example}) are
     * annotations, not warnings.
     */
    private static JsonSchemaFactory factory(Predicate<String> allowed) {
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword)).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder.metaSchema(draft7)
                .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                        iri -> iri.toString().startsWith("classpath:") || allowed.test(iri.toString())))));
    }

    private String describe(String file) {
        Path path = folder.resolve(file);
        Path here = Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path).toString();
    }

    private String where(String file, String pointer) {
        return describe(file) + "#" + pointer;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> messages(Collection<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
