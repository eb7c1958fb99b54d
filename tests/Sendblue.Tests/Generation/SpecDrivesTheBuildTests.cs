using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Loader;
using System.Xml.Linq;
using NUnit.Framework;
using Sendblue.Tests.Packaging;
using Sendblue.Tests.TestSupport;

namespace Sendblue.Tests.Generation
{
    /// <summary>
    /// The spec is the single source of truth: a copy of the SDK project is built from scratch
    /// (its API matches the checked-in listing), built again unchanged (nothing regenerates), then
    /// built after edits of every kind to spec/openapi.yaml alone: a new optional query parameter,
    /// a new operation in an existing tag, a new tag, a new nested object field with an int64 inside,
    /// a <c>format: date</c> field read and written (alone and as a list), a new enum value, a new
    /// webhook field, a model extending another (<c>allOf</c>), and path and query parameters of other
    /// types (a uuid, an integer list, a date-time list, a float), and names that are not C# names (a
    /// tag with a space, a kebab-case operation and parameters, fields named <c>3d_touch</c>,
    /// <c>event.kind</c> and <c>sb-signature</c>); the Markdown code spans of the new
    /// descriptions are <c>&lt;c&gt;</c> elements of its XML docs. A small
    /// program against the copy then uses each through the public surface, over a loopback server,
    /// and the requests on the wire and the values read are checked. Nothing outside spec/ changes.
    /// </summary>
    [NonParallelizable]
    public class SpecDrivesTheBuildTests
    {
        private string _work = null!;

        [OneTimeSetUp]
        public void CopyTheProject()
        {
            _work = Dotnet.TempFolder("sendblue-generation");
            CopyProjectTo(_work);
        }

        /// <summary>What a build of the SDK project needs: the settings, the spec, the templates and src/Sendblue.</summary>
        internal static void CopyProjectTo(string work)
        {
            var root = RepositoryRoot();
            foreach (var file in new[] { "nswag.json", "Directory.Build.props", "Directory.Packages.props" })
            {
                File.Copy(Path.Combine(root, file), Path.Combine(work, file));
            }

            CopyTree(Path.Combine(root, "spec"), Path.Combine(work, "spec"));
            CopyTree(Path.Combine(root, "build"), Path.Combine(work, "build"));
            CopyTree(Path.Combine(root, "src", "Sendblue"), Path.Combine(work, "src", "Sendblue"));
        }

        [OneTimeTearDown]
        public void RemoveTheCopy() => Dotnet.DeleteQuietly(_work);

        [Test]
        public async System.Threading.Tasks.Task EveryKindOfSpecEdit_ReachesThePublicApi_TheWire_AndTheParsedResult()
        {
            var generated = Path.Combine(_work, "src", "Sendblue", "obj", "Debug", "net8.0", "Generated", "Sendblue.g.cs");

            Build();
            Assert.That(File.Exists(generated), Is.True, "a clean build generates the client under obj/");
            Assert.That(PublicApiOfTheCopy(), Is.EqualTo(CheckedInListing()), "the copy's API matches the listing before the spec changes");
            var firstWrite = File.GetLastWriteTimeUtc(generated);

            Build();
            Assert.That(File.GetLastWriteTimeUtc(generated), Is.EqualTo(firstWrite), "an unchanged spec must not regenerate (MSBuild Inputs/Outputs)");

            EditTheSpec();
            Build();

            // The API listing check now fails, and its diff is only additions: the review step.
            var before = CheckedInListing().Split('\n');
            var after = PublicApiOfTheCopy().Split('\n');
            var added = after.Except(before).Select(l => l.Trim()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(before.Except(after), Is.Empty, "no member is removed or changed by adding to the spec");
                Assert.That(added, Does.Contain("public string? ThreadId { get; set; }"), "a new optional query parameter: a property of the query object");
                Assert.That(added, Does.Contain("System.Threading.Tasks.Task<Sendblue.ReactionList> ListReactionsAsync(string messageId, System.Threading.CancellationToken cancellationToken = default);"), "a new operation in an existing tag");
                Assert.That(added, Does.Contain("public interface ISeatsClient"), "a new tag: its interface");
                Assert.That(added, Does.Contain("Sendblue.ISeatsClient Seats { get; }"), "a new tag: a property of ISendblueClient");
                Assert.That(added, Does.Contain("public long? Mcc { get; set; }"), "an int64 field of a new nested object");
                Assert.That(added, Does.Contain("public System.DateTime? BillingDate { get; set; }"), "a format: date field");
                Assert.That(added, Does.Contain("public static Sendblue.MessageStatus Read { get; }"), "a new enum value");
                Assert.That(added, Does.Contain("public string? DeliveredVia { get; set; }"), "a new webhook field");
                Assert.That(added, Does.Contain("public class Member : Sendblue.Person"), "a model extending another (allOf)");
                Assert.That(added, Does.Contain("public class Dog : Sendblue.Pet"), "a model derived by a discriminator");
                Assert.That(added, Does.Contain("System.Threading.Tasks.Task InviteAsync(System.Collections.Generic.IEnumerable<Sendblue.Seat> request, Sendblue.InviteMode mode, System.Threading.CancellationToken cancellationToken = default);"), "a list body and a required enum-like query parameter");
                Assert.That(added, Does.Contain("public interface IPhoneNumbersClient"), "a tag with a space: a C# name");
                Assert.That(added, Does.Contain("Sendblue.IPhoneNumbersClient PhoneNumbers { get; }"), "a tag with a space: its property");
                Assert.That(added, Does.Contain("System.Threading.Tasks.Task<Sendblue.Widget> UpdateWidgetAsync(string widgetId, Sendblue.Widget request, bool? dryRun = default, System.Threading.CancellationToken cancellationToken = default);"), "a kebab-case operationId, path and query parameter");
                Assert.That(added, Does.Contain("public bool? _3dTouch { get; set; }"), "a wire name beginning with a digit");
                Assert.That(added, Does.Contain("System.Threading.Tasks.Task<Sendblue.Label> LabelWidgetAsync(string requestValue, string request, string? optionsValue = null, System.Threading.CancellationToken cancellationToken = default);"), "parameters named as the method's own request and options, and a text body");
                var trimmed = after.Select(l => l.Trim()).ToList();
                Assert.That(trimmed.Select((l, i) => (l, i)).Where(x => x.l.Contains(" LabelWidgetAsync(", StringComparison.Ordinal)).Select(x => trimmed[x.i - 1]), Is.EqualTo(new[] { "[System.Obsolete]", "[System.Obsolete]" }), "a deprecated operation: both overloads are [Obsolete]");
                Assert.That(added, Does.Contain("public string? LabelValue { get; set; }"), "a field named as its model");
                Assert.That(added, Does.Contain("public string? AdditionalPropertiesValue { get; set; }"), "a field named as the model's own AdditionalProperties");
                Assert.That(added, Does.Contain("public long? CopyValue { get; set; }"), "a field named as every model's Copy");
                var legacySort = trimmed.IndexOf("public string? LegacySort { get; set; }");
                Assert.That(legacySort, Is.GreaterThan(0), "a new query parameter of the query object");
                Assert.That(trimmed[legacySort - 1], Is.EqualTo("[System.Obsolete]"), "a query parameter whose schema is deprecated is [Obsolete]");
                var mediaUrl = trimmed.IndexOf("public string? MediaUrl { get; set; }");
                Assert.That(trimmed.Take(mediaUrl).Reverse().Take(2), Does.Contain("[System.Obsolete]"), "a deprecated field is [Obsolete], and the SDK that uses it still builds");
                Assert.That(added, Does.Contain("public string? EventKind { get; set; }"), "a wire name with a dot");
                Assert.That(added, Does.Contain("public string? SbSignature { get; set; }"), "a wire name with a dash");
                Assert.That(added, Does.Contain("System.Threading.Tasks.Task<Sendblue.Seat> GetAsync(System.Guid seatId, long revision, Sendblue.SeatGetQuery? query = null, System.Threading.CancellationToken cancellationToken = default);"), "path parameters of other types, a query object");
            });

            // The docs of the new operation, from the spec's Markdown: each pair of back ticks is a <c>
            // element, one across a line break too, and so is a span opened and closed by two back ticks
            // (holding a single one); an unclosed pair and an unpaired last back tick stay as they are;
            // a fenced code block is a <code> element. (Malformed XML
            // in a doc comment would have stopped the build: warnings are errors.)
            var reactions = DocsOfTheCopy("M:Sendblue.IMessagesClient.ListReactionsAsync(System.String,System.Threading.CancellationToken)");
            var remarks = reactions.Element("remarks")!;
            Assert.Multiple(() =>
            {
                Assert.That(reactions.Element("summary")!.Elements("c").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "reactions", "GET /api/v2/messages/{message_id}/reactions" }), "a summary");
                Assert.That(remarks.Elements("c").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "Reaction object", "a `tick` inside", "so" }), "a description: a span across a line break, a span of two back ticks holding one, a single one after an unclosed pair");
                Assert.That(Words(string.Concat(remarks.Nodes().TakeWhile(n => n is not XElement { Name.LocalName: "para" }))), Does.Contain("<c>a `tick` inside</c> is a span of two, `` alone stays, <c>so</c> does a lone ` here. <br /><br />As JSON: <br /><code>"), "an unclosed pair and an unpaired back tick stay as written; the code block follows");
                Assert.That(remarks.Descendants("code").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "{\"data\": [{\"emoji\": \"`+1`\"}]}" }), "a fenced code block is a <code> element, without its info string (json), its back ticks kept as text");
                Assert.That(remarks.Descendants("code").Single().Elements(), Is.Empty, "no <br/> inside the code block: it keeps its own lines");
                Assert.That(reactions.Element("param")!.Elements("c").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "message_handle" }), "a path parameter");
                Assert.That(reactions.Element("returns")!.Elements("c").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "ReactionList" }), "a response");
                Assert.That(Words(DocsOfTheCopy("M:Sendblue.IPhoneNumbersClient.UpdateWidgetAsync(System.String,Sendblue.Widget,System.Nullable{System.Boolean},System.Threading.CancellationToken)").Elements("param").Single(p => (string?)p.Attribute("name") == "dryRun").Value), Is.EqualTo("Deprecated. Check only. Optional: null sends none."), "a deprecated argument says so in its docs (C# has no [Obsolete] parameter)");
                Assert.That(DocsOfTheCopy("P:Sendblue.MessageListQuery.ThreadId").Element("summary")!.Elements("c").Select(c => Words(c.Value)).ToList(), Is.EqualTo(new[] { "thread_id" }), "a new query parameter");
            });

            // Through the public surface, on the wire.
            var seen = new List<RecordedRequest>();
            await using var server = new LoopbackServer(request =>
            {
                lock (seen)
                {
                    seen.Add(request);
                }

                return request.Path switch
                {
                    "/api/v2/messages" => LoopbackResponse.Json(Payloads.Page(0, 1, 100, false, "h-1")),
                    "/api/v2/messages/m-1/reactions" => LoopbackResponse.Json("""{"data":[{"emoji":"👍"}]}"""),
                    "/api/v2/seats" => LoopbackResponse.Json("""{"data":[{"seat_id":"s-1","email":"ana@example.com"}]}"""),
                    "/api/v2/seats/log" => request.Target switch
                    {
                        // The second page repeats the last event of the first (one arrived and shifted the offsets).
                        "/api/v2/seats/log?limit=2&offset=0" => LoopbackResponse.Json("""[{"copy":9007199254740993,"note":"a"},{"copy":2,"note":"b"}]"""),
                        "/api/v2/seats/log?limit=2&offset=2" => LoopbackResponse.Json("""[{"copy":2,"note":"b"},{"copy":3,"note":"c"}]"""),
                        _ => LoopbackResponse.Json("[]"),
                    },
                    "/api/v2/seats/invite" => new LoopbackResponse { Status = 204 },
                    "/api/v2/seats/forms" => LoopbackResponse.Json("""{"must_note":null,"by_day":{"mon":"2024-02-05"},"weeks":[["2024-02-05","2024-02-12"]],"grid":[[{"name":"ab"}]],"by_key":{"k":{"name":"cd"}},"wait":"P1DT1H30M","kinds":{"a":"with space","b":"IN-PROGRESS"},"scores":[1,null,3],"vars":{"x":"y"},"kids":{"z":{"name":"ef"}}}"""),
                    "/api/v2/seats/modes" => new LoopbackResponse { Status = 204 },
                    "/api/v2/seats/6f1c2f8e-3c1a-4b8e-9d55-2f0c6a1b7e11/9007199254740993" => LoopbackResponse.Json("""{"seat_id":"s-2","email":"bo@example.com"}"""),
                    "/api/status" => LoopbackResponse.Json("""{"message_handle":"h-1","status":"read","carrier":{"name":"Acme","mcc":9007199254740993},"billing_date":"2024-05-14","member":{"name":"Ana","age":41,"role":"owner","badge":1},"pet":{"name":"Tom","meow":"loud","pet_type":"cat"},"pets":[{"pet_type":"dog","bark":"woof"},{"pet_type":"fish","fins":2},{"age_weeks":8,"pet_type":"puppy","bark":"yip"}],"dog":{"pet_type":"puppy","age_weeks":9}}"""),
                    "/api/send-message" => LoopbackResponse.Json(Payloads.MessageResponse),
                    "/api/v2/widgets/w-2/label" => LoopbackResponse.Json("""{"label":"L","additional_properties":"A","extra":1}"""),
                    "/api/v2/widgets/w-1" => LoopbackResponse.Json("""{"3d_touch":false,"event.kind":"e-2","sb-signature":"s-2"}"""),
                    _ => LoopbackResponse.Json("""{"status":"ERROR","error_message":"no such path"}""", 404),
                };
            });

            var output = RunTheProgram(server.BaseUrl);

            Assert.Multiple(() =>
            {
                var targets = seen.Select(r => $"{r.Method} {r.Target}").ToList();
                Assert.That(targets, Does.Contain("GET /api/v2/messages?thread_id=t-1&legacy_sort=asc"), "the new query parameters on the wire, a deprecated one too");
                Assert.That(targets, Does.Contain("GET /api/v2/messages/m-1/reactions"), "the new operation on the wire");
                Assert.That(targets, Does.Contain("GET /api/v2/seats"), "the new tag's operation on the wire");
                Assert.That(seen.Single(r => r.Path == "/api/send-message").Body, Does.Contain("\"send_on\":\"2024-05-14\""), "a date is written as yyyy-MM-dd");
                Assert.That(seen.Single(r => r.Path == "/api/send-message").Body, Does.Contain("\"remind_on\":[\"2024-05-15\",\"2024-05-16\"]"), "a list of dates is written as yyyy-MM-dd each");
                Assert.That(targets, Does.Contain("GET /api/v2/seats/6f1c2f8e-3c1a-4b8e-9d55-2f0c6a1b7e11/9007199254740993?ids=1&ids=2&since=2024-05-14T18%3A00%3A00Z&since=2024-05-15T00%3A00%3A00Z&ratio=1.5&tags=a,b%2Cc"),
                    "a uuid and an int64 in the path; an integer list, a date-time list (as UTC instants), a float and an explode: false list (joined by commas, a comma in an item escaped, a null item and an empty list left out) in the query, culture-invariant under de-DE");
                Assert.That(seen.Where(r => r.Path == "/api/v2/widgets/w-1").Select(r => $"{r.Method} {r.Target} {r.Body}"), Is.EqualTo(new[] { "PUT /api/v2/widgets/w-1?dry-run=true {\"3d_touch\":true,\"event.kind\":\"e-1\",\"sb-signature\":\"s-1\"}" }),
                    "wire names that are not C# names go on the wire as the spec writes them");
                Assert.That(output, Does.Contain("widget=False/e-2/s-2"), "and are read back from them");
                Assert.That(seen.Where(r => r.Path == "/api/v2/widgets/w-2/label").Select(r => $"{r.Method} {r.Target} {r.Body}"), Is.EqualTo(new[] { "POST /api/v2/widgets/w-2/label?options=o-1 \"hello\"" }),
                    "the renamed parameters keep their wire names; a text body is a JSON string");
                Assert.That(output, Does.Contain("label=L/A extra=extra"), "the renamed fields are read from their wire names; an unknown one is kept");
                Assert.That(output, Does.Contain("seat=s-2/bo@example.com"));
                Assert.That(output, Does.Contain("invite validated=Seat[1].Email"), "each item of a list body is checked before sending, named by its index");
                Assert.That(seen.Where(r => r.Path == "/api/v2/seats/invite").Select(r => r.Target + " " + r.Body), Is.EqualTo(new[] { "/api/v2/seats/invite?mode=sms [{\"email\":\"ana@example.com\"}]" }),
                    "a list as the body, a required enum-like query parameter; the refused call sent nothing");
                Assert.That(seen.Single(r => r.Path == "/api/v2/seats/modes").Body, Is.EqualTo("[\"email\",\"sms\"]"), "a list of enum-likes as the body");
                Assert.That(output, Does.Contain("member=Ana/41/owner extra=badge"), "a model extending another reads the fields of both, and keeps the unknown one");
                Assert.That(output, Does.Contain("page=h-1"));
                Assert.That(output, Does.Contain("reactions=👍"));
                Assert.That(output, Does.Contain("seats=s-1/ana@example.com"));
                Assert.That(seen.Where(r => r.Path == "/api/v2/seats/log").Select(r => r.Target), Is.EqualTo(new[] { "/api/v2/seats/log?limit=2&offset=0", "/api/v2/seats/log?limit=2&offset=2", "/api/v2/seats/log?limit=2&offset=4" }),
                    "a list answer pages by the spec's largest limit until an empty page");
                Assert.That(output, Does.Contain("log=9007199254740993:a,2:b,3:c"), "each item once, keyed by an int64 x-sendblue-id whose C# name (CopyValue) is not its wire name");
                Assert.That(output, Does.Contain("carrier=Acme/9007199254740993"), "an int64 above 2^53 is read exactly");
                Assert.That(output, Does.Contain("billing=2024-05-14"));
                Assert.That(output, Does.Contain("pet=Cat/Tom/loud extra=0"), "a discriminator names the derived model, even as the object's last field, and is not left over as an unknown one");
                Assert.That(output, Does.Contain("pets=Dog:woof,Pet:pet_type=fish+fins=2,Puppy:yip/8"), "in a list too; an unmapped value is read as the base model, its value and fields kept; a model two levels down is read as itself");
                Assert.That(output, Does.Contain("dog=Puppy/9 extra=0"), "a field of the model between the two reads the one derived from it");
                Assert.That(seen.Single(r => r.Path == "/api/send-message").Body, Does.Contain("\"dog\":{\"pet_type\":\"puppy\",\"bark\":\"yip\",\"age_weeks\":8}"), "a model two levels down is written with the value its root maps to it");
                Assert.That(seen.Single(r => r.Path == "/api/send-message").Body, Does.Contain("\"pet\":{\"pet_type\":\"dog\",\"name\":\"Rex\",\"bark\":\"woof\"}"), "a derived model is written with its discriminator value");
                Assert.That(output, Does.Contain("status=READ known=True"), "the new enum value is known, and read in its wire case");
                Assert.That(output, Does.Contain("hook=carrier-x"), "a webhook body with only the new field parses");
                Assert.That(output, Does.Contain("validated=SendMessageRequest.SendOn"), "validation follows the spec too");

                Assert.That(output, Does.Contain("form grid=ArgumentException: Form.Grid[1][0].Name is required: the name field."), "a model in a list of lists is checked, named by its place");
                Assert.That(output, Does.Contain("form by_key=ArgumentOutOfRangeException: Form.ByKey[\"k\"].Name must be at least 2 characters long; it is 1 characters long."), "a model in a map is checked, named by its key");
                Assert.That(output, Does.Contain("form kids=ArgumentException: Form.Kids[\"z\"].Name is required: the name field."), "a named map schema checks its models too");
                Assert.That(output, Does.Contain("form kinds=ArgumentException: Form.Kinds[\"a\"] is 'nope', which is not one of in-progress, 3d_touch, with space."), "an enum-like in a map is checked as a field is");
                Assert.That(output, Does.Contain("form code=ArgumentException: Form.Code is '12a', which does not match the pattern ^[0-9]+$ the API requires."), "a pattern is checked");
                Assert.That(seen.Where(r => r.Path == "/api/v2/seats/forms").Select(r => r.Body), Is.EqualTo(new[]
                {
                    """{"must_note":null,"by_day":{"mon":"2024-02-03"},"weeks":[["2024-02-03","2024-02-10"]],"grid":[[{"name":"ab"}]],"by_key":{"k":{"name":"cd"}},"code":"123","wait":"PT1H30M","kinds":{"a":"3d_touch"},"scores":[1,null],"vars":{"x":"y"},"kids":{"z":{"name":"ef"}}}""",
                }), "the refused forms sent nothing; a required nullable field is sent as null (an optional one not at all), dates in a map and a list of lists as yyyy-MM-dd, a duration in ISO 8601, a named map as its entries");
                Assert.That(output, Does.Contain("form read=null|2024-02-05|2024-02-12|ab|cd|1.01:30:00|with space,in-progress,True|1,null,3|y|ef extra=0"),
                    "a map and a list of lists of dates, models and enum-likes, an ISO 8601 duration, nullable items and named maps are read back");
            });
        }

        /// <summary>
        /// What the templates cannot turn into a correct call or a good public name (an operation
        /// without a tag, a header or cookie parameter, a list query parameter of another style, a form
        /// body, an answer that is not JSON, an integer, number or boolean enum, a field that is one of
        /// several schemas, an inline object named after a snake_case property, two fields with one C#
        /// name, a walk that cannot key its items) fails the build with a sentence
        /// saying what and what to do, instead of a method that would silently leave the header out,
        /// an integer enum sent as a string, or a number enum whose values are never checked.
        /// </summary>
        [Test]
        public void SpecConstructsTheTemplatesDoNotSend_FailTheBuild_SayingWhatToDo()
        {
            var work = Dotnet.TempFolder("sendblue-unsupported");
            try
            {
                CopyProjectTo(work);
                var specPath = Path.Combine(work, "spec", "openapi.yaml");
                var spec = Insert(File.ReadAllText(specPath), "paths:\n", """
                      /api/v2/traced:
                        get:
                          tags: [Messages]
                          operationId: Traced
                          summary: A call with a header parameter and an integer enum
                          parameters:
                            - name: X-Trace-Id
                              in: header
                              required: true
                              schema:
                                type: string
                            - name: level
                              in: query
                              schema:
                                type: integer
                                enum: [1, 2, 3]
                          responses:
                            '204':
                              description: Done.
                      /api/v2/routes:
                        get:
                          tags: [Messages]
                          operationId: Routes
                          summary: A call answering an inline object named after its property
                          responses:
                            '200':
                              description: The route.
                              content:
                                application/json:
                                  schema:
                                    type: object
                                    properties:
                                      delivery_route:
                                        type: object
                                        properties:
                                          hops:
                                            type: integer
                      /api/v2/dials:
                        post:
                          tags: [Messages]
                          operationId: Dial
                          summary: A call with an inline body and an inline answer
                          requestBody:
                            content:
                              application/json:
                                schema:
                                  type: object
                                  properties:
                                    speed:
                                      type: number
                                      enum: [1.5, 2.5]
                          responses:
                            '200':
                              description: The dial.
                              content:
                                application/json:
                                  schema:
                                    type: object
                                    properties:
                                      mode:
                                        type: [integer, "null"]
                                        enum: [1, 2]
                                      detail:
                                        type: object
                                        properties:
                                          gear:
                                            type: boolean
                                            enum: [true]
                      /api/v2/exports:
                        get:
                          tags: [Messages]
                          operationId: Export
                          summary: A call with a cookie, a pipe-delimited list and a text answer
                          parameters:
                            - name: session
                              in: cookie
                              schema:
                                type: string
                            - name: fields
                              in: query
                              style: pipeDelimited
                              schema:
                                type: array
                                items:
                                  type: string
                          responses:
                            '200':
                              description: The export.
                              content:
                                text/csv:
                                  schema:
                                    type: string
                      /api/v2/downloads:
                        get:
                          tags: [Messages]
                          operationId: Download
                          summary: A call answering a file
                          responses:
                            '200':
                              description: The file.
                              content:
                                application/octet-stream:
                                  schema:
                                    type: string
                                    format: binary
                      /api/v2/untagged:
                        get:
                          operationId: Untagged
                          summary: A call without a tag
                          responses:
                            '204':
                              description: Done.
                      /api/v2/uploads:
                        post:
                          tags: [Messages]
                          operationId: Upload
                          summary: A call with a form body
                          requestBody:
                            content:
                              multipart/form-data:
                                schema:
                                  type: object
                                  properties:
                                    file:
                                      type: string
                                      format: binary
                          responses:
                            '204':
                              description: Done.

                    """, after: true);
                spec = Insert(spec, "paths:\n", WalkOf("Ghosts", "RvGhost") + WalkOf("Flags", "RvFlagged"), after: true);
                spec = Insert(spec, "  schemas:\n", """
                        RvEvent:
                          type: object
                          properties:
                            kind:
                              type: string
                        RvMessageEvent:
                          allOf:
                            - $ref: '#/components/schemas/RvEvent'
                            - type: object
                              properties:
                                kind:
                                  type: string
                                  enum: [message]
                        RvGhost:
                          type: object
                          x-sendblue-id: ghost_id
                          properties:
                            name:
                              type: string
                        RvFlagged:
                          type: object
                          x-sendblue-id: flag
                          properties:
                            flag:
                              type: boolean
                        RvCat:
                          type: object
                          properties:
                            meow:
                              type: string
                        RvDog:
                          type: object
                          properties:
                            bark:
                              type: string
                        RvPet:
                          type: object
                          properties:
                            pet:
                              oneOf:
                                - $ref: '#/components/schemas/RvCat'
                                - $ref: '#/components/schemas/RvDog'
                            pets:
                              type: array
                              items:
                                anyOf:
                                  - $ref: '#/components/schemas/RvCat'
                                  - $ref: '#/components/schemas/RvDog'
                            count:
                              oneOf:
                                - type: string
                                - type: integer
                            maybe:
                              oneOf:
                                - $ref: '#/components/schemas/RvCat'
                                - type: 'null'
                        RvTwins:
                          type: object
                          properties:
                            event_kind:
                              type: string
                            eventKind:
                              type: string
                        RvCaseKind:
                          type: string
                          enum: [delivered, DELIVERED, sent]
                          x-enumNames: [DeliveredLower, DeliveredUpper, Sent]
                        RvTouch:
                          type: string
                          enum: [3d_touch, plain]
                        RvNullableLevel:
                          type: [integer, "null"]
                          enum: [1, 2, 3]
                        RvUntypedGrade:
                          enum: [1, 2]
                        RvRatio:
                          type: number
                          enum: [1.5, 2.5]
                        RvFlag:
                          type: boolean
                          enum: [true]
                        RvReading:
                          type: object
                          properties:
                            level:
                              $ref: '#/components/schemas/RvNullableLevel'
                            grades:
                              type: array
                              items:
                                $ref: '#/components/schemas/RvUntypedGrade'
                            tier:
                              type: [integer, "null"]
                              enum: [1, 2]
                            ratio:
                              $ref: '#/components/schemas/RvRatio'
                            flag:
                              $ref: '#/components/schemas/RvFlag'
                            ratios:
                              type: array
                              items:
                                type: number
                                enum: [0.5, 1]
                            route:
                              type: object
                              properties:
                                grade:
                                  type: boolean
                                  enum: [true]
                                leg:
                                  type: object
                                  properties:
                                    speed:
                                      type: number
                                      enum: [1.5]
                            zones:
                              type: object
                              additionalProperties:
                                type: object
                                properties:
                                  tier:
                                    enum: [1]
                            stops:
                              type: array
                              items:
                                type: object
                                properties:
                                  kind:
                                    enum: [1, 2]

                    """, after: true);
                File.WriteAllText(specPath, spec);

                var (exitCode, output, _) = Dotnet.TryRun(work, "build", "src/Sendblue/Sendblue.csproj", "-f", "net8.0", "-v", "minimal", "-p:UseSharedCompilation=false", "-nodeReuse:false");
                const string untagged = "The operation Untagged has no tag: each operation is reached through the client of its first tag (client.Messages), so give it `tags: [Name]`.";
                const string nullableLevel = "The enum RvNullableLevel is `type: [integer, \"null\"]`: the Sendblue templates render enum-likes as strings on the wire, so a JSON body would carry its values as strings. Declare it `type: string` (`nullable: true` allows null in OpenAPI 3.0), or extend build/templates/Enum.liquid.";
                const string untypedGrade = "The enum RvUntypedGrade has no `type`: the Sendblue templates render enum-likes as strings on the wire and need `type: string` to render one (without it the models that use it do not compile, and a number would go on the wire as a string). Declare it `type: string`, or extend build/templates/Enum.liquid.";
                static int Count(string text, string sentence) => text.Split(sentence).Length - 1;

                Assert.Multiple(() =>
                {
                    Assert.That(exitCode, Is.Not.Zero, "the build fails");
                    Assert.That(output, Does.Contain("The header parameter X-Trace-Id of Messages.Traced would not be sent: the Sendblue client template sends path and query parameters and a JSON body. Send it with SendblueRequestOptions.Headers and leave it out of the spec, or extend build/templates/Client.Class.liquid."));
                    Assert.That(output, Does.Contain("The body of Messages.Upload is not JSON (a form, a file, text or XML): the Sendblue client template sends JSON bodies only (extend build/templates/Client.Class.liquid)."));
                    Assert.That(output, Does.Contain("The schema Delivery_route (named after a snake_case property, parameter or schema key) would be public as Delivery_route: give it a PascalCase name under components/schemas and refer to it with $ref."));
                    Assert.That(output, Does.Contain(untagged));
                    Assert.That(output, Does.Contain("The cookie parameter session of Messages.Export would not be sent: the Sendblue client template sends path and query parameters and a JSON body. Send it as a Cookie header with SendblueRequestOptions.Headers and leave it out of the spec, or extend build/templates/Client.Class.liquid."));
                    Assert.That(output, Does.Contain("The query parameter fields of Messages.Export is `style: pipeDelimited`: the Sendblue client template sends a list as the parameter repeated (`explode: true`, the default) or joined by commas (`explode: false`); extend build/templates/Client.Class.liquid for other styles."));
                    Assert.That(output, Does.Contain("The answer of Messages.Export is not JSON (text/csv): the Sendblue client template reads JSON answers only (extend build/templates/Client.Class.liquid)."));
                    Assert.That(output, Does.Contain("The answer of Messages.Download is not JSON (application/octet-stream): "));
                    Assert.That(output, Does.Not.Contain("error CS1001"), "only the sentences, no compiler noise from what could not be generated");
                    Assert.That(output, Does.Contain("Messages.Ghosts pages: the item schema RvGhost names ghost_id in `x-sendblue-id`, but has no field ghost_id: name one of its fields (each item is yielded once by it)."), "an identifier that is not a field");
                    Assert.That(output, Does.Contain("Messages.Flags pages: the field flag that RvFlagged names in `x-sendblue-id` is not a string or an integer: each item is yielded once by its identifier, so name a string or integer field."), "an identifier that cannot key a walk");
                    Assert.That(output, Does.Not.Contain("error CS1061"), "no compiler noise from a key that is not a member");
                    Assert.That(output, Does.Contain("The schema RvMessageEvent declares kind again, which its base RvEvent (allOf) already declares: keep the field in one of them (a narrower enum belongs in the description)."));
                    Assert.That(output, Does.Contain("is not a string enum: the Sendblue templates render enum-likes as strings on the wire (as every enum of the API is). Declare it `type: string`, or extend build/templates/Enum.liquid."));
                    Assert.That(output, Does.Contain("The schema RvTwins has two fields that are both EventKind in C#, event_kind and eventKind: keep one, and if they are two spellings of one field, list the other under its `x-sendblue-aliases`."), "two fields, one C# name");
                    Assert.That(output, Does.Contain(nullableLevel), "a type array: the values would be sent as strings");
                    Assert.That(output, Does.Contain("The enum of RvReading.tier is `type: [integer, \"null\"]`: the Sendblue templates render enum-likes as strings on the wire"), "an inline one is named by its field");
                    Assert.That(output, Does.Contain(untypedGrade), "no type: the models would not compile");
                    Assert.That(Count(output, nullableLevel), Is.EqualTo(Count(output, untagged)), "said once, not by each client that sees the schema");
                    Assert.That(output, Does.Contain("The enum RvRatio is a number enum: the Sendblue templates check enum values before sending for string enums only, so its values would not be checked (and a named one would become a public string enum-like that no field uses). Drop `enum` and list the values in the description (with `minimum`/`maximum` for numbers), or extend build/templates/Enum.liquid."), "a number enum: typed double, its values dropped");
                    Assert.That(output, Does.Contain("The enum RvFlag is a boolean enum: "), "a boolean enum: typed bool, its values dropped");
                    Assert.That(output, Does.Contain("The enum of the items of RvReading.ratios is a number enum: "), "an inline one, of a list, is named by its field");
                    Assert.That(output, Does.Contain("The enum of RvReading.route.grade is a boolean enum: "), "a field of an inline object");
                    Assert.That(output, Does.Contain("The enum of RvReading.stops.kind has no `type`: "), "a field of the items of an inline list");
                    Assert.That(output, Does.Contain("The enum of RvReading.route.leg.speed is a number enum: "), "a field of an inline object in an inline object");
                    Assert.That(output, Does.Contain("The schema of RvPet.pet is a `oneOf` of 2 schemas: the generator types such a value by its first schema (or as a class with no fields), so a value of another would be read as what it is not (a number as text, a model's fields left in AdditionalProperties). Give it one schema (an object with the fields of every form, or a string), use `anyOf` of a string and a model with `x-sendblue-string-form` (as WebhookEntry does), or extend build/templates/Class.liquid."), "a field of one of two models");
                    Assert.That(output, Does.Contain("The schema of the items of RvPet.pets is an `anyOf` of 2 schemas: "), "items of one of two models");
                    Assert.That(output, Does.Contain("The schema of RvPet.count is a `oneOf` of 2 schemas: "), "a string or an integer");
                    Assert.That(output, Does.Not.Contain("RvPet.maybe"), "a model or null is one schema, nullable");
                    Assert.That(output, Does.Contain("The enum of RvReading.zones.tier has no `type`: "), "a field of the values of an inline map");
                    Assert.That(output, Does.Contain("The enum of the field gear of the field detail of the answer of Messages.Dial is a boolean enum: "), "a field of an inline object in an inline answer");
                    Assert.That(output, Does.Contain("The enum of the field speed of the body of Messages.Dial is a number enum: "), "a field of an inline body");
                    Assert.That(output, Does.Contain("The enum of the field mode of the answer of Messages.Dial is `type: [integer, \"null\"]`: "), "a field of an inline answer");
                    Assert.That(output, Does.Contain("The enum RvCaseKind lists delivered and DELIVERED, which differ only in case: an enum-like compares its values ignoring case, so the two would be one value (delivered could never be sent, and KnownValues would hold DELIVERED twice). Keep one of them, or, if the API tells them apart, make the field a plain string (no enum) and list the values in its description."), "values that differ only in case");
                    Assert.That(output, Does.Contain("The value 3d_touch of the enum RvTouch would be public as RvTouch._3d_touch: name the values of RvTouch in PascalCase with `x-enumNames` (one name per value, in the order of `enum`)."), "a value whose C# name would not be PascalCase");
                });
            }
            finally
            {
                Dotnet.DeleteQuietly(work);
            }
        }

        private void EditTheSpec()
        {
            var specPath = Path.Combine(_work, "spec", "openapi.yaml");
            var spec = File.ReadAllText(specPath);
            spec = Insert(spec, "paths:\n", """
                  /api/v2/messages/{message_id}/reactions:
                    get:
                      tags: [Messages]
                      operationId: ListReactions
                      summary: List the `reactions` to a message
                      description: |-
                        Lists the reactions, each a `Reaction
                        object`, newest first; ``a `tick` inside`` is a span of two, `` alone stays, `so` does a lone ` here.

                        As JSON:
                        ```json
                        {"data": [{"emoji": "`+1`"}]}
                        ```
                      parameters:
                        - name: message_id
                          in: path
                          required: true
                          description: The id of the message (its `message_handle`).
                          schema:
                            type: string
                            minLength: 1
                      responses:
                        '200':
                          description: The reactions, as a `ReactionList`.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/ReactionList'
                  /api/v2/seats/invite:
                    post:
                      tags: [Seats]
                      operationId: Seats_Invite
                      summary: Invite people to seats
                      x-sendblue-idempotent: true
                      parameters:
                        - name: mode
                          in: query
                          required: true
                          schema:
                            $ref: '#/components/schemas/InviteMode'
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: array
                              items:
                                $ref: '#/components/schemas/Seat'
                      responses:
                        '204':
                          description: Invited.
                  /api/v2/seats/modes:
                    put:
                      tags: [Seats]
                      operationId: Seats_SetModes
                      summary: Set the invite modes
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: array
                              items:
                                $ref: '#/components/schemas/InviteMode'
                      responses:
                        '204':
                          description: Set.
                  /api/v2/seats/{seat_id}/{revision}:
                    get:
                      tags: [Seats]
                      operationId: Seats_Get
                      summary: Get one seat
                      parameters:
                        - name: seat_id
                          in: path
                          required: true
                          schema:
                            type: string
                            format: uuid
                        - name: revision
                          in: path
                          required: true
                          schema:
                            type: integer
                            format: int64
                        - name: ids
                          in: query
                          schema:
                            type: array
                            items:
                              type: integer
                        - name: since
                          in: query
                          schema:
                            type: array
                            items:
                              type: string
                              format: date-time
                        - name: ratio
                          in: query
                          schema:
                            type: number
                            format: float
                        - name: tags
                          in: query
                          explode: false
                          schema:
                            type: array
                            items:
                              type: string
                        - name: empty_tags
                          in: query
                          explode: false
                          schema:
                            type: array
                            items:
                              type: string
                      responses:
                        '200':
                          description: The seat.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Seat'
                  /api/v2/widgets/{widget-id}:
                    put:
                      tags: [Phone Numbers]
                      operationId: update-widget
                      summary: Replace a widget
                      parameters:
                        - name: widget-id
                          in: path
                          required: true
                          schema:
                            type: string
                        - name: dry-run
                          in: query
                          description: Check only.
                          schema:
                            type: boolean
                            deprecated: true
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/Widget'
                      responses:
                        '200':
                          description: The widget.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Widget'
                  /api/v2/widgets/{request}/label:
                    post:
                      tags: [Phone Numbers]
                      operationId: label-widget
                      summary: Label a widget
                      deprecated: true
                      parameters:
                        - name: request
                          in: path
                          required: true
                          schema:
                            type: string
                        - name: options
                          in: query
                          schema:
                            type: string
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: string
                      responses:
                        '200':
                          description: The label.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Label'
                  /api/v2/seats/log:
                    get:
                      tags: [Seats]
                      operationId: Seats_Log
                      summary: The events of the seats, oldest first
                      parameters:
                        - name: limit
                          in: query
                          schema:
                            type: integer
                            minimum: 1
                            maximum: 2
                        - name: offset
                          in: query
                          schema:
                            type: integer
                            minimum: 0
                      responses:
                        '200':
                          description: One page of events.
                          content:
                            application/json:
                              schema:
                                type: array
                                items:
                                  $ref: '#/components/schemas/SeatEvent'
                  /api/v2/seats:
                    get:
                      tags: [Seats]
                      operationId: Seats_List
                      summary: List the seats of the account
                      responses:
                        '200':
                          description: The seats.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/SeatList'

                """, after: true);
            spec = Insert(spec, "        - name: account_email\n          in: query\n", """
                        - name: thread_id
                          in: query
                          description: Only messages of this thread (`thread_id`).
                          schema:
                            type: string
                        - name: legacy_sort
                          in: query
                          description: The old sort order.
                          schema:
                            type: string
                            deprecated: true

                """, after: false);
            spec = Insert(spec, "    MessageResponse:\n      type: object\n      description: A message as the send and status operations return it.\n      properties:\n", """
                        carrier:
                          $ref: '#/components/schemas/Carrier'
                        billing_date:
                          type: string
                          format: date
                          description: The day the message is billed on.
                        member:
                          $ref: '#/components/schemas/Member'
                        pet:
                          $ref: '#/components/schemas/Pet'
                        pets:
                          type: array
                          items:
                            $ref: '#/components/schemas/Pet'
                        dog:
                          $ref: '#/components/schemas/Dog'

                """, after: true);
            spec = Insert(spec, "        status_callback:\n          type: string\n          description: A URL Sendblue POSTs", """
                        send_on:
                          type: string
                          format: date
                          description: The day to send the message on.
                        remind_on:
                          type: array
                          items:
                            type: string
                            format: date
                          description: The days to remind the recipient on.
                        pet:
                          $ref: '#/components/schemas/Pet'
                        dog:
                          $ref: '#/components/schemas/Dog'

                """, after: false);
            spec = Insert(spec, "          description: Email of the account.\n          x-sendblue-aliases: [accountEmail]\n", """
                        delivered_via:
                          type: string
                          description: The route that delivered the message.

                """, after: true);
            spec = Insert(spec, "  schemas:\n", """
                    ReactionList:
                      type: object
                      properties:
                        data:
                          type: array
                          items:
                            $ref: '#/components/schemas/Reaction'
                    Reaction:
                      type: object
                      properties:
                        emoji:
                          type: string
                    SeatList:
                      type: object
                      properties:
                        data:
                          type: array
                          items:
                            $ref: '#/components/schemas/Seat'
                    InviteMode:
                      type: string
                      enum: [email, sms]
                      x-enumNames: [Email, Sms]
                    SeatEvent:
                      type: object
                      x-sendblue-id: copy
                      properties:
                        copy:
                          type: integer
                          format: int64
                        note:
                          type: string
                    Seat:
                      type: object
                      required: [email]
                      properties:
                        seat_id:
                          type: string
                        email:
                          type: string
                    Person:
                      type: object
                      properties:
                        name:
                          type: string
                        age:
                          type: integer
                    Member:
                      allOf:
                        - $ref: '#/components/schemas/Person'
                        - type: object
                          properties:
                            role:
                              type: string
                    Label:
                      type: object
                      properties:
                        label:
                          type: string
                        additional_properties:
                          type: string
                    Widget:
                      type: object
                      properties:
                        3d_touch:
                          type: boolean
                        event.kind:
                          type: string
                        sb-signature:
                          type: string
                    Pet:
                      type: object
                      required: [pet_type]
                      properties:
                        pet_type:
                          type: string
                        name:
                          type: string
                      discriminator:
                        propertyName: pet_type
                        mapping:
                          cat: '#/components/schemas/Cat'
                          dog: '#/components/schemas/Dog'
                          puppy: '#/components/schemas/Puppy'
                    Cat:
                      allOf:
                        - $ref: '#/components/schemas/Pet'
                        - type: object
                          properties:
                            meow:
                              type: string
                    Dog:
                      allOf:
                        - $ref: '#/components/schemas/Pet'
                        - type: object
                          properties:
                            bark:
                              type: string
                    Puppy:
                      allOf:
                        - $ref: '#/components/schemas/Dog'
                        - type: object
                          properties:
                            age_weeks:
                              type: integer
                              format: int32
                    Carrier:
                      type: object
                      properties:
                        name:
                          type: string
                        mcc:
                          type: integer
                          format: int64

                """, after: true);
            // Models holding maps and lists of lists (of dates, models, enum-likes), a named map, a
            // required nullable field, a pattern, a duration and nullable list items.
            spec = Insert(spec, "paths:\n", """
                  /api/v2/seats/forms:
                    post:
                      tags: [Seats]
                      operationId: Seats_SubmitForm
                      summary: Submit a form
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/Form'
                      responses:
                        '200':
                          description: The form as kept.
                          content:
                            application/json:
                              schema:
                                $ref: '#/components/schemas/Form'

                """, after: true);
            spec = Insert(spec, "  schemas:\n", """
                    FormKind:
                      type: string
                      enum: [in-progress, 3d_touch, 'with space']
                      x-enumNames: [InProgress, ThreeDTouch, WithSpace]
                    FormChild:
                      type: object
                      required: [name]
                      properties:
                        name:
                          type: string
                          minLength: 2
                    FormVars:
                      type: object
                      additionalProperties:
                        type: string
                    FormKids:
                      type: object
                      additionalProperties:
                        $ref: '#/components/schemas/FormChild'
                    Form:
                      type: object
                      required: [must_note]
                      properties:
                        must_note:
                          type: string
                          nullable: true
                        maybe_note:
                          type: string
                          nullable: true
                        by_day:
                          type: object
                          additionalProperties:
                            type: string
                            format: date
                        weeks:
                          type: array
                          items:
                            type: array
                            items:
                              type: string
                              format: date
                        grid:
                          type: array
                          items:
                            type: array
                            items:
                              $ref: '#/components/schemas/FormChild'
                        by_key:
                          type: object
                          additionalProperties:
                            $ref: '#/components/schemas/FormChild'
                        code:
                          type: string
                          pattern: '^[0-9]+$'
                        wait:
                          type: string
                          format: duration
                        kinds:
                          type: object
                          additionalProperties:
                            $ref: '#/components/schemas/FormKind'
                        scores:
                          type: array
                          items:
                            type: integer
                            nullable: true
                        vars:
                          $ref: '#/components/schemas/FormVars'
                        kids:
                          $ref: '#/components/schemas/FormKids'

                """, after: true);

            const string statuses = "      enum: [REGISTERED, PENDING, SENT, DELIVERED, RECEIVED, QUEUED, ERROR, DECLINED, ACCEPTED, SUCCESS]\n      x-enumNames: [Registered, Pending, Sent, Delivered, Received, Queued, Error, Declined, Accepted, Success]\n";
            Assert.That(spec, Does.Contain(statuses), "the test's anchor for MessageStatus moved; update the test");
            spec = spec.Replace(statuses, statuses.Replace("SUCCESS]", "SUCCESS, READ]").Replace("Success]", "Success, Read]"));

            // A deprecated field: [Obsolete], while the SDK's own code keeps using it.
            const string mediaUrl = "        media_url:\n          type: string\n";
            Assert.That(spec, Does.Contain(mediaUrl), "the test's anchor for media_url moved; update the test");
            spec = spec.Replace(mediaUrl, "        media_url:\n          deprecated: true\n          type: string\n");

            // A rule the spec states is checked before sending: send_on becomes required.
            spec = spec.Replace("      required: [number, from_number]\n", "      required: [number, from_number, send_on]\n");
            File.WriteAllText(specPath, spec);
        }

        /// <summary>A GET that pages (limit and offset) through a list of <paramref name="item"/>.</summary>
        private static string WalkOf(string operation, string item) => $$"""
              /api/v2/{{operation.ToLowerInvariant()}}:
                get:
                  tags: [Messages]
                  operationId: {{operation}}
                  summary: A walk whose items name an identifier it cannot key on
                  parameters:
                    - name: limit
                      in: query
                      schema:
                        type: integer
                    - name: offset
                      in: query
                      schema:
                        type: integer
                  responses:
                    '200':
                      description: A page.
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/{{item}}'

            """;

        /// <summary>The spec with <paramref name="text"/> (exact YAML) put before or after <paramref name="anchor"/>.</summary>
        internal static string Insert(string spec, string anchor, string text, bool after)
        {
            Assert.That(spec, Does.Contain(anchor), $"the test's anchor moved in the spec; update the test: {anchor}");
            // The raw literals above are exact YAML (C# removes the closing quotes' indentation).
            var block = text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
            var at = spec.IndexOf(anchor, StringComparison.Ordinal);
            return after ? spec.Insert(at + anchor.Length, block) : spec.Insert(at, block);
        }

        private string RunTheProgram(Uri baseUrl) => RunProgram(_work, """
                using System;
                using System.Globalization;
                using Sendblue;

                using var client = new SendblueClient(new SendblueClientOptions { ApiKey = "key-123456", ApiSecret = "secret-123456", BaseUrl = new Uri(args[0]), MaxRetries = 0 });

                var page = await client.Messages.ListAsync(new MessageListQuery { ThreadId = "t-1", LegacySort = "asc" });
                Console.WriteLine("page=" + page.Data![0].MessageHandle);

                var reactions = await client.Messages.ListReactionsAsync("m-1");
                Console.WriteLine("reactions=" + reactions.Data![0].Emoji);

                var widget = await client.PhoneNumbers.UpdateWidgetAsync("w-1", new Widget { _3dTouch = true, EventKind = "e-1", SbSignature = "s-1" }, dryRun: true);
                Console.WriteLine("widget=" + widget._3dTouch + "/" + widget.EventKind + "/" + widget.SbSignature);

                var label = await client.PhoneNumbers.LabelWidgetAsync("w-2", "hello", optionsValue: "o-1");
                Console.WriteLine("label=" + label.LabelValue + "/" + label.AdditionalPropertiesValue + " extra=" + string.Join(",", label.AdditionalProperties.Keys));

                var log = new System.Collections.Generic.List<string>();
                await foreach (var e in client.Seats.LogAllAsync())
                {
                    log.Add(e.CopyValue!.Value.ToString(CultureInfo.InvariantCulture) + ":" + e.Note);
                }

                Console.WriteLine("log=" + string.Join(",", log));

                var seats = await client.Seats.ListAsync();
                Console.WriteLine("seats=" + seats.Data![0].SeatId + "/" + seats.Data[0].Email);

                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                var seat = await client.Seats.GetAsync(Guid.Parse("6f1c2f8e-3c1a-4b8e-9d55-2f0c6a1b7e11"), 9007199254740993, new SeatGetQuery
                {
                    Ids = new[] { 1, 2 },
                    Since = new[] { new DateTimeOffset(2024, 5, 14, 20, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2024, 5, 15, 0, 0, 0, TimeSpan.Zero) },
                    Ratio = 1.5f,
                    Tags = new[] { "a", null!, "b,c" },
                    EmptyTags = Array.Empty<string>(),
                });
                Console.WriteLine("seat=" + seat.SeatId + "/" + seat.Email);

                try
                {
                    await client.Seats.InviteAsync(new[] { new Seat { Email = "ana@example.com" }, new Seat { SeatId = "s-3" } }, InviteMode.Sms);
                }
                catch (ArgumentException ex)
                {
                    Console.WriteLine("invite validated=" + ex.Message.Split(' ')[0]);
                }

                await client.Seats.InviteAsync(new[] { new Seat { Email = "ana@example.com" } }, InviteMode.Sms);
                await client.Seats.SetModesAsync(new[] { InviteMode.Email, InviteMode.Sms });

                async System.Threading.Tasks.Task Refused(string label, Form form)
                {
                    try
                    {
                        await client.Seats.SubmitFormAsync(form);
                        Console.WriteLine(label + "=sent");
                    }
                    catch (ArgumentException ex)
                    {
                        Console.WriteLine(label + "=" + ex.GetType().Name + ": " + ex.Message.Split(" (Parameter")[0]);
                    }
                }

                var ok = new FormChild { Name = "ab" };
                await Refused("form grid", new Form { Grid = new[] { new[] { ok }, new[] { new FormChild() } } });
                await Refused("form by_key", new Form { ByKey = new System.Collections.Generic.Dictionary<string, FormChild> { ["k"] = new FormChild { Name = "x" } } });
                await Refused("form kids", new Form { Kids = new FormKids { ["z"] = new FormChild() } });
                await Refused("form kinds", new Form { Kinds = new System.Collections.Generic.Dictionary<string, FormKind> { ["a"] = "nope" } });
                await Refused("form code", new Form { Code = "12a" });
                var form = await client.Seats.SubmitFormAsync(new Form
                {
                    MustNote = null,
                    ByDay = new System.Collections.Generic.Dictionary<string, DateTime> { ["mon"] = new DateTime(2024, 2, 3) },
                    Weeks = new[] { new[] { new DateTime(2024, 2, 3), new DateTime(2024, 2, 10) } },
                    Grid = new[] { new[] { ok } },
                    ByKey = new System.Collections.Generic.Dictionary<string, FormChild> { ["k"] = new FormChild { Name = "cd" } },
                    Code = "123",
                    Wait = TimeSpan.FromMinutes(90),
                    Kinds = new System.Collections.Generic.Dictionary<string, FormKind> { ["a"] = FormKind.ThreeDTouch },
                    Scores = new int?[] { 1, null },
                    Vars = new FormVars { ["x"] = "y" },
                    Kids = new FormKids { ["z"] = new FormChild { Name = "ef" } },
                });
                Console.WriteLine("form read=" + (form.MustNote ?? "null") + "|" + form.ByDay!["mon"].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + form.Weeks![0][1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    + "|" + form.Grid![0][0].Name + "|" + form.ByKey!["k"].Name + "|" + form.Wait!.Value.ToString("c", CultureInfo.InvariantCulture)
                    + "|" + form.Kinds!["a"] + "," + form.Kinds["b"] + "," + (form.Kinds["b"] == FormKind.InProgress)
                    + "|" + string.Join(",", System.Linq.Enumerable.Select(form.Scores!, n => n?.ToString(CultureInfo.InvariantCulture) ?? "null"))
                    + "|" + form.Vars!["x"] + "|" + form.Kids!["z"].Name + " extra=" + form.AdditionalProperties.Count);

                var status = await client.Messages.GetStatusAsync("h-1");
                Console.WriteLine("member=" + status.Member!.Name + "/" + status.Member.Age + "/" + status.Member.Role + " extra=" + string.Join(",", status.Member.AdditionalProperties.Keys));
                Console.WriteLine("carrier=" + status.Carrier!.Name + "/" + status.Carrier.Mcc!.Value.ToString(CultureInfo.InvariantCulture));
                Console.WriteLine("billing=" + status.BillingDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                Console.WriteLine("pet=" + status.Pet!.GetType().Name + "/" + status.Pet.Name + "/" + ((Cat)status.Pet).Meow + " extra=" + status.Pet.AdditionalProperties.Count);
                Console.WriteLine("pets=" + string.Join(",", System.Linq.Enumerable.Select(status.Pets!, p => p.GetType().Name + ":" + (p is Puppy puppy ? puppy.Bark + "/" + puppy.AgeWeeks : p is Dog dog ? dog.Bark : string.Join("+", System.Linq.Enumerable.Select(p.AdditionalProperties, kv => kv.Key + "=" + kv.Value))))));
                Console.WriteLine("dog=" + status.Dog!.GetType().Name + "/" + ((Puppy)status.Dog).AgeWeeks + " extra=" + status.Dog.AdditionalProperties.Count);
                Console.WriteLine("status=" + status.Status + " known=" + status.Status!.Value.IsKnown + " same=" + (status.Status == MessageStatus.Read));

                var hook = SendblueWebhook.Parse("{\"delivered_via\":\"carrier-x\"}");
                Console.WriteLine("hook=" + hook.DeliveredVia);

                try
                {
                    await client.Messages.SendAsync(new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "x" });
                }
                catch (ArgumentException ex)
                {
                    Console.WriteLine("validated=" + ex.Message.Split(' ')[0]);
                }

                await client.Messages.SendAsync(new SendMessageRequest { Number = "+19998887777", FromNumber = "+16292925296", Content = "x", SendOn = new DateTime(2024, 5, 14), RemindOn = new[] { new DateTime(2024, 5, 15), new DateTime(2024, 5, 16) }, Pet = new Dog { Name = "Rex", Bark = "woof" }, Dog = new Puppy { Bark = "yip", AgeWeeks = 8 } });
                Console.WriteLine("sent");
                """, baseUrl.ToString());

        /// <summary>
        /// Runs <paramref name="program"/> (top-level statements) as a console app referencing the
        /// copy's SDK in <paramref name="work"/>, and returns what it printed; it fails the test on a
        /// build error or a non-zero exit.
        /// </summary>
        internal static string RunProgram(string work, string program, params string[] arguments)
        {
            var probe = Path.Combine(work, "probe");
            Directory.CreateDirectory(probe);
            File.WriteAllText(Path.Combine(probe, "probe.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <IsPackable>false</IsPackable>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../src/Sendblue/Sendblue.csproj" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(probe, "Program.cs"), program);
            return Dotnet.Run(probe, new[] { "run", "--" }.Concat(arguments).ToArray());
        }

        private string PublicApiOfTheCopy()
        {
            var dll = Path.Combine(_work, "src", "Sendblue", "bin", "Debug", "net8.0", "Sendblue.dll");
            var context = new AssemblyLoadContext("spec-copy-" + Guid.NewGuid().ToString("N"), isCollectible: true);
            try
            {
                // PublicApiGenerator reads the file behind the assembly with Mono.Cecil.
                return PublicApiTests.Listing(context.LoadFromAssemblyPath(dll));
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>The documentation of one member in the copy's Sendblue.xml.</summary>
        private XElement DocsOfTheCopy(string id)
        {
            var xml = XDocument.Load(Path.Combine(_work, "src", "Sendblue", "bin", "Debug", "net8.0", "Sendblue.xml"));
            return xml.Root!.Element("members")!.Elements("member").SingleOrDefault(m => (string?)m.Attribute("name") == id)
                ?? throw new AssertionException($"{id} is not documented in the copy's Sendblue.xml");
        }

        /// <summary>Text with its runs of white space (a doc comment's line breaks and indentation) as one space.</summary>
        private static string Words(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static string CheckedInListing() =>
            PublicApiTests.Normalize(File.ReadAllText(Path.Combine(RepositoryRoot(), "api", "Sendblue.txt")));

        private void Build() =>
            Dotnet.Run(_work, "build", "src/Sendblue/Sendblue.csproj", "-f", "net8.0", "-v", "minimal", "-p:UseSharedCompilation=false", "-nodeReuse:false");

        internal static string RepositoryRoot() => Dotnet.RepositoryRoot();

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var dir in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            {
                CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
            }
        }
    }
}
