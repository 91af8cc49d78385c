package org.socialwork.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.info.Contact;
import org.eclipse.microprofile.openapi.models.info.Info;
import org.eclipse.microprofile.openapi.models.info.License;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.socialwork.platform.problem.Messages;
import org.socialwork.platform.problem.Problem;
import org.socialwork.platform.problem.ProblemType;

/**
 * Makes every service's OpenAPI document hold the same contract, whatever a resource forgot: the
 * contact and licence, the bearer scheme, the RFC 9457 {@code Problem} schema on every error response
 * with an example carrying the real type URN, the error statuses the platform itself answers for an
 * operation of that shape (bad input, no token, oversize or wrong media type, If-Match,
 * Idempotency-Key), and the headers the platform sets (ETag, Location, Idempotent-Replayed, Link,
 * Retry-After). It only adds what is absent, so running it twice changes nothing.
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";
    static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final String CONTACT_NAME = "社工站平台 (Social-work stations platform)";
    static final String CONTACT_URL = "https://github.com/socialwork-stations/platform";
    static final String CONTACT_EMAIL = "maintainers@socialwork-stations.org";
    static final String LICENSE_NAME = "Apache-2.0";
    static final String LICENSE_URL = "https://www.apache.org/licenses/LICENSE-2.0";

    /** The statuses the platform answers by itself, with what they mean for a client. */
    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "The request is malformed: a field, parameter or header fails its rule (errors[] names them)",
            "401", "No valid bearer token",
            "409", "A request with the same Idempotency-Key is still being processed; retry later",
            "412", "If-Match names a version that is no longer current: read the resource again",
            "413", "The request body is larger than the service accepts",
            "415", "The request body is not application/json",
            "422", "The Idempotency-Key was already used with another request body",
            "428", "If-Match is missing: send the ETag of the version the change is based on");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        info(openAPI);
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        problemSchemas(components);
        bearerScheme(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Set<String> referencedHeaders = new TreeSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation(openAPI, item, operation, referencedHeaders);
            }
        }
        headers(components, referencedHeaders);
    }

    /** The HTTP bearer (JWT) scheme every operation's requirement names; Quarkus's, completed where it lacks a field. */
    private static void bearerScheme(Components components) {
        SecurityScheme scheme = components.getSecuritySchemes() == null ? null : components.getSecuritySchemes().get(BEARER);
        if (scheme == null) {
            scheme = OASFactory.createSecurityScheme();
            components.addSecurityScheme(BEARER, scheme);
        }
        if (scheme.getType() == null) {
            scheme.setType(SecurityScheme.Type.HTTP);
        }
        if (scheme.getScheme() == null) {
            scheme.setScheme("bearer");
        }
        if (scheme.getBearerFormat() == null) {
            scheme.setBearerFormat("JWT");
        }
        if (scheme.getDescription() == null) {
            scheme.setDescription("An RS256 JWT from the platform's identity provider, with the caller's groups (roles), "
                    + "region, agency and worker claims (访问令牌)");
        }
    }

    /**
     * The platform's contact and licence, field by field where a document lacks them (a service may name
     * its own with {@code quarkus.smallrye-openapi.info-contact-*} and {@code info-license-*}).
     */
    private static void info(OpenAPI openAPI) {
        Info info = openAPI.getInfo() == null ? OASFactory.createInfo() : openAPI.getInfo();
        openAPI.setInfo(info);
        Contact contact = info.getContact() == null ? OASFactory.createContact() : info.getContact();
        info.setContact(contact);
        if (contact.getName() == null) {
            contact.setName(CONTACT_NAME);
        }
        if (contact.getUrl() == null) {
            contact.setUrl(CONTACT_URL);
        }
        if (contact.getEmail() == null) {
            contact.setEmail(CONTACT_EMAIL);
        }
        License license = info.getLicense() == null ? OASFactory.createLicense() : info.getLicense();
        info.setLicense(license);
        if (license.getName() == null) {
            license.setName(LICENSE_NAME);
        }
        // OpenAPI 3.1: url and identifier exclude each other; the url also serves 3.0 readers
        if (license.getUrl() == null && license.getIdentifier() == null) {
            license.setUrl(LICENSE_URL);
        }
    }

    private static void problemSchemas(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(PROBLEM)
                && components.getSchemas().get(PROBLEM).getProperties() != null) {
            components.getSchemas().get(PROBLEM).setDescription(problemDescription());
            return;
        }
        Map<String, Schema> fieldError = new LinkedHashMap<>();
        fieldError.put("field", string("The refused field, parameter or header, e.g. regionCode or employment.from"));
        fieldError.put("message", string("Why, in the language of Accept-Language"));
        components.addSchema(PROBLEM_FIELD_ERROR, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One refused field of a validation problem").properties(fieldError)
                .required(List.of("field")));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A stable URN naming the kind of problem, e.g. urn:socialwork:problem:validation; "
                + "branch on it, never on title or detail").format("uri"));
        properties.put("title", string("A short, localised summary of the type"));
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .description("The HTTP status"));
        properties.put("detail", string("What went wrong with this request, localised"));
        properties.put("instance", string("The request path"));
        properties.put("code", string("The business rule that refused the request, e.g. station.region.occupied"));
        properties.put("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_FIELD_ERROR))
                .description("The refused fields of a validation problem"));
        components.addSchema(PROBLEM, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description(problemDescription()).properties(properties).required(List.of("type", "title", "status")));
    }

    private static String problemDescription() {
        return "An RFC 9457 problem (错误说明): every error of every service has this shape";
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /** Defines the shared headers that operations reference (an unreferenced component is noise in a client). */
    private static void headers(Components components, Set<String> referenced) {
        Map<String, Header> headers = new TreeMap<>();
        headers.put("ETag", header("The version of the representation (a strong ETag); send it back in If-Match to change it, "
                + "or in If-None-Match to get 304 when unchanged", "\"3\""));
        headers.put("Location", header("The URL of the created resource", "/api/v1/stations/c2b8e9a4-6f1d-4e2b-8a7c-5d3f9e1b0a64"));
        headers.put("Idempotent-Replayed", header("true when this is the stored response of an earlier request with the same "
                + "Idempotency-Key", "true"));
        headers.put("Link", header("RFC 8288 link to the next page (rel=\"next\"); absent on the last page",
                "</api/v1/stations?cursor=eyJrIjpbIjIwMjQiXX0&limit=50>; rel=\"next\""));
        headers.put("Retry-After", header("Seconds to wait before retrying", "30"));
        headers.keySet().retainAll(referenced);
        for (Map.Entry<String, Header> header : headers.entrySet()) {
            if (components.getHeaders() == null || !components.getHeaders().containsKey(header.getKey())) {
                components.addHeader(header.getKey(), header.getValue());
            }
        }
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example(example);
    }

    private void operation(OpenAPI openAPI, PathItem item, Operation operation,
            Set<String> referencedHeaders) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean ifMatch = hasHeader(parameters, "If-Match");
        boolean idempotencyKey = hasHeader(parameters, "Idempotency-Key");
        boolean secured = security(openAPI, operation);

        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        Set<String> standard = new TreeSet<>();
        if (!parameters.isEmpty() || hasBody) {
            standard.add("400");
        }
        if (secured) {
            standard.add("401");
        }
        if (hasBody) {
            standard.add("413");
            standard.add("415");
        }
        if (ifMatch) {
            standard.add("412");
            standard.add("428");
        }
        if (idempotencyKey) {
            standard.add("409");
            standard.add("422");
        }
        Set<String> added = new TreeSet<>();
        for (String status : standard) {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(STANDARD_ERRORS.get(status)));
                added.add(status);
            }
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            String status = entry.getKey();
            APIResponse response = entry.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                problem(status, response, types(status, idempotencyKey, added.contains(status)));
                if (status.equals("429") || status.equals("503")) {
                    addHeader(response, "Retry-After", referencedHeaders);
                }
            } else if (status.startsWith("2")) {
                if (status.equals("201")) {
                    addHeader(response, "Location", referencedHeaders);
                }
                if (versioned(openAPI, response) || (ifMatch && hasContent(response))) {
                    addHeader(response, "ETag", referencedHeaders);
                }
                if (idempotencyKey) {
                    addHeader(response, "Idempotent-Replayed", referencedHeaders);
                }
                if (status.equals("200") && page(openAPI, response)) {
                    addHeader(response, "Link", referencedHeaders);
                }
            }
        }
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    /**
     * Whether the operation needs a token, leaving one requirement on the bearer scheme. The roles an
     * operation admits are named in its description (the authorization matrix is in docs/authorization.md);
     * a bearer scheme takes no scopes.
     */
    private static boolean security(OpenAPI openAPI, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return false;
        }
        Set<String> roles = new TreeSet<>();
        for (SecurityRequirement requirement : requirements) {
            if (requirement.getSchemes() != null) {
                requirement.getSchemes().values().forEach(scopes -> {
                    if (scopes != null) {
                        roles.addAll(scopes);
                    }
                });
            }
        }
        operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        if (!roles.isEmpty() && !description.contains("Roles: ")) {
            operation.setDescription((description.isBlank() ? "" : description.strip() + " ")
                    + "Roles: " + String.join(", ", roles) + ".");
        }
        return true;
    }

    /**
     * The problem types a client can meet under this status, as the platform really answers them: an
     * Idempotency-Key operation's 409 and 422 come from {@code Idempotency} (in progress, key reused),
     * beside the domain's conflict or rule violation when the resource declared that status itself.
     */
    private static List<ProblemType> types(String status, boolean idempotencyKey, boolean addedByFilter) {
        int code = Integer.parseInt(status);
        ProblemType idempotency = !idempotencyKey ? null
                : code == 409 ? ProblemType.IDEMPOTENCY_IN_PROGRESS
                : code == 422 ? ProblemType.IDEMPOTENCY_KEY_REUSED : null;
        if (idempotency == null) {
            return List.of(ProblemType.forStatus(code));
        }
        return addedByFilter ? List.of(idempotency) : List.of(ProblemType.forStatus(code), idempotency);
    }

    private static void problem(String status, APIResponse response, List<ProblemType> types) {
        if (hasContent(response)) {
            return;
        }
        int code = Integer.parseInt(status);
        MediaType mediaType = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        for (ProblemType type : types) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", type.uri());
            example.put("title", title(type));
            example.put("status", code);
            example.put("detail", types.size() == 1 && response.getDescription() != null ? response.getDescription() : title(type));
            example.put("instance", "/api/v1/...");
            if (type == ProblemType.VALIDATION || type == ProblemType.MALFORMED_REQUEST) {
                example.put("errors", List.of(Map.of("field", "regionCode", "message", "必须是 9 位乡镇（街道）代码")));
            }
            mediaType.addExample(type.name().toLowerCase().replace('_', '-'), OASFactory.createExample().value(example));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType));
    }

    private static boolean hasContent(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes() != null
                && !response.getContent().getMediaTypes().isEmpty();
    }

    /** The title the platform answers for this type by default (Chinese; English with Accept-Language: en). */
    private static String title(ProblemType type) {
        return Messages.get(Messages.CHINESE, type.titleKey());
    }

    private static void addHeader(APIResponse response, String name, Set<String> referencedHeaders) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
        Header header = response.getHeaders().get(name);
        if (header.getRef() != null) {
            referencedHeaders.add(name);
        }
    }

    /** A response whose JSON schema is (a reference to) an object with a {@code version}: the platform sets its ETag. */
    private static boolean versioned(OpenAPI openAPI, APIResponse response) {
        Schema schema = jsonSchema(openAPI, response);
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version");
    }

    /** A page: an object with {@code items} and {@code next}, beside which the platform sets {@code Link}. */
    private static boolean page(OpenAPI openAPI, APIResponse response) {
        Schema schema = jsonSchema(openAPI, response);
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("items")
                && schema.getProperties().containsKey("next");
    }

    private static Schema jsonSchema(OpenAPI openAPI, APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return null;
        }
        return resolve(openAPI, response.getContent().getMediaType("application/json").getSchema());
    }

    private static Schema resolve(OpenAPI openAPI, Schema schema) {
        for (int depth = 0; schema != null && schema.getRef() != null && depth < 5; depth++) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            schema = openAPI.getComponents().getSchemas() == null ? null : openAPI.getComponents().getSchemas().get(name);
        }
        return schema;
    }
}
