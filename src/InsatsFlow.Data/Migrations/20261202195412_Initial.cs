using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace InsatsFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Arbetsflodesutkast",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessNyckel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    SparadAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SparadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PubliceradSom = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arbetsflodesutkast", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Dokument",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mallnamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MallSha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    MallVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ProcessInstansId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Affarsnyckel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    ModellJson = table.Column<string>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dokument", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineDefinitions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResourceName = table.Column<string>(type: "TEXT", nullable: true),
                    DeployedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    MessageStartNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineIdempotency",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Command = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ArgumentsHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineIdempotency", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineIncidents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TokenId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineIncidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineInstances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ParentInstanceId = table.Column<string>(type: "TEXT", nullable: true),
                    ParentTokenId = table.Column<string>(type: "TEXT", nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    JournalSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    JournalHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineJournal",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Event = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineJournal", x => new { x.InstanceId, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "EngineMessageSubscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TokenId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineMessageSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineTaskCandidates",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Candidate = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineTaskCandidates", x => new { x.Candidate, x.TaskId });
                });

            migrationBuilder.CreateTable(
                name: "EngineTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TokenId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    DefinitionKey = table.Column<string>(type: "TEXT", nullable: false),
                    BusinessKey = table.Column<string>(type: "TEXT", nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    CandidateUsers = table.Column<string>(type: "TEXT", nullable: false),
                    CandidateGroups = table.Column<string>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FormKey = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngineTimers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TokenId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", nullable: true),
                    Repeats = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineTimers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Forbund",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisationsnummer = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forbund", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Formularutkast",
                columns: table => new
                {
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Agare = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Schema = table.Column<string>(type: "TEXT", nullable: false),
                    SparadUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    SparadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Formularutkast", x => new { x.FormKey, x.Agare });
                });

            migrationBuilder.CreateTable(
                name: "Formularversioner",
                columns: table => new
                {
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Agare = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Schema = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PubliceradUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PubliceradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Aterkallad = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Formularversioner", x => new { x.FormKey, x.Agare, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LockOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LockExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Maskinklienter",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Omfang = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RoteradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AterkalladUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Maskinklienter", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifieringar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mottagartyp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MottagareId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kanal = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amne = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Innehall = table.Column<string>(type: "TEXT", nullable: false),
                    InnehallArHtml = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForfallerUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Dedupliceringsnyckel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Dedupliceringsomfang = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProcessInstansId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Forsok = table.Column<int>(type: "INTEGER", nullable: false),
                    SenasteFel = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NastaForsokUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SkickadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifieringar", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Omladdningssignaler",
                columns: table => new
                {
                    Namn = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    Fingeravtryck = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Nod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Andrad = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Omladdningssignaler", x => x.Namn);
                });

            migrationBuilder.CreateTable(
                name: "Regelprovningar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Regelverk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    GiltigFran = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IndataJson = table.Column<string>(type: "TEXT", nullable: false),
                    Uppfylld = table.Column<bool>(type: "INTEGER", nullable: false),
                    UtfordVidUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessInstanceId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regelprovningar", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhookforsok",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeveransId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nummer = table.Column<int>(type: "INTEGER", nullable: false),
                    TidpunktUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Statuskod = table.Column<int>(type: "INTEGER", nullable: true),
                    Fel = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Millisekunder = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhookforsok", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhookhandelser",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Innehall = table.Column<string>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhookhandelser", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhookleveranser",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandelseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrenumerationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Forsok = table.Column<int>(type: "INTEGER", nullable: false),
                    SenasteStatuskod = table.Column<int>(type: "INTEGER", nullable: true),
                    SenasteFel = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LevereradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NastaForsokUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhookleveranser", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webhookprenumerationer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Handelser = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Hemlighet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RoteradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AvslutadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webhookprenumerationer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Arsbudgetar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    EgetKapital = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    AntagenDatum = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arsbudgetar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Arsbudgetar_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Forbundshandelser",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TidUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Anvandare = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Handelse = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forbundshandelser", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Forbundshandelser_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Forbundsparametrar",
                columns: table => new
                {
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Regelverk = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Varde = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    AndradUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AndradAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forbundsparametrar", x => new { x.ForbundId, x.Regelverk, x.Namn });
                    table.ForeignKey(
                        name: "FK_Forbundsparametrar_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Insatser",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Diarienummer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Titel = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SokandeOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fas = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MalgruppBeskrivning = table.Column<string>(type: "TEXT", nullable: false),
                    MalgruppAlderFran = table.Column<int>(type: "INTEGER", nullable: true),
                    MalgruppAlderTill = table.Column<int>(type: "INTEGER", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodSlut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SusBeskrivning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SusInriktning = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SusPreciseradInriktning = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SusMatningsmetod = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SusMalgrupper = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Insatser", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Insatser_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mallversioner",
                columns: table => new
                {
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PubliceradUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PubliceradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Aterkallad = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mallversioner", x => new { x.ForbundId, x.Namn, x.Version });
                    table.ForeignKey(
                        name: "FK_Mallversioner_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Medlemmar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Andel = table.Column<decimal>(type: "TEXT", precision: 7, scale: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Medlemmar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Medlemmar_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sammantraden",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sammantraden", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sammantraden_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Styrelser",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MandatperiodFran = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MandatperiodTill = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Styrelser", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Styrelser_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegelprovningUtfall",
                columns: table => new
                {
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    RegelprovningId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Regel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Utfall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Allvarlighet = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Meddelande = table.Column<string>(type: "TEXT", nullable: false),
                    RattsligGrund = table.Column<string>(type: "TEXT", nullable: false),
                    Detalj = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegelprovningUtfall", x => new { x.RegelprovningId, x.Ordning });
                    table.ForeignKey(
                        name: "FK_RegelprovningUtfall_Regelprovningar_RegelprovningId",
                        column: x => x.RegelprovningId,
                        principalTable: "Regelprovningar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetKostnader",
                columns: table => new
                {
                    Omrade = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ArsbudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Belopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetKostnader", x => new { x.ArsbudgetId, x.Omrade });
                    table.ForeignKey(
                        name: "FK_BudgetKostnader_Arsbudgetar_ArsbudgetId",
                        column: x => x.ArsbudgetId,
                        principalTable: "Arsbudgetar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ansokningar",
                columns: table => new
                {
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utgangspunkter = table.Column<string>(type: "TEXT", nullable: true),
                    Mal = table.Column<string>(type: "TEXT", nullable: true),
                    Behovsgrupp = table.Column<string>(type: "TEXT", nullable: true),
                    Aktiviteter = table.Column<string>(type: "TEXT", nullable: true),
                    ProjektstyrningOchOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    RelationTillAndraVerksamheter = table.Column<string>(type: "TEXT", nullable: true),
                    Resurser = table.Column<string>(type: "TEXT", nullable: true),
                    Tidplan = table.Column<string>(type: "TEXT", nullable: true),
                    Utvardering = table.Column<string>(type: "TEXT", nullable: true),
                    Implementering = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ansokningar", x => x.InsatsId);
                    table.ForeignKey(
                        name: "FK_Ansokningar_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Budgetrader",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kostnadstyp = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    Belopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", nullable: true),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budgetrader", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Budgetrader_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Diarieposter",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Arende = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Lopnummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Handling = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Riktning = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Registrerad = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DokumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Justerad = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Anslagen = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Diarieposter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Diarieposter_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Fasbyten",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fas = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tidpunkt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Fasbyten", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Fasbyten_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Implementeringsbeslut",
                columns: table => new
                {
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Alternativ = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Beslutsdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MottagandeOrganisation = table.Column<string>(type: "TEXT", nullable: true),
                    Spridning = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Implementeringsbeslut", x => x.InsatsId);
                    table.ForeignKey(
                        name: "FK_Implementeringsbeslut_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Kontaktpersoner",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Roll = table.Column<string>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: true),
                    Epost = table.Column<string>(type: "TEXT", nullable: true),
                    Telefon = table.Column<string>(type: "TEXT", nullable: true),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kontaktpersoner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kontaktpersoner_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Slutrapporter",
                columns: table => new
                {
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Resultat = table.Column<string>(type: "TEXT", nullable: false),
                    AntalDeltagareTotalt = table.Column<int>(type: "INTEGER", nullable: true),
                    Lardomar = table.Column<string>(type: "TEXT", nullable: true),
                    LamnadAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InlamnadUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Slutrapporter", x => x.InsatsId);
                    table.ForeignKey(
                        name: "FK_Slutrapporter_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SusArsplaner",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    PlaneradeDeltagare = table.Column<int>(type: "INTEGER", nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SusArsplaner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SusArsplaner_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SusBudgetposter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    Budgettyp = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Utfall = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SusBudgetposter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SusBudgetposter_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Uppfoljningsrapporter",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodFran = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTill = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SistaDag = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Inlamnad = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AntalDeltagare = table.Column<int>(type: "INTEGER", nullable: true),
                    Sammanfattning = table.Column<string>(type: "TEXT", nullable: true),
                    LamnadAv = table.Column<string>(type: "TEXT", nullable: true),
                    DeltagarePaborjade = table.Column<int>(type: "INTEGER", nullable: true),
                    DeltagareAvslutade = table.Column<int>(type: "INTEGER", nullable: true),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uppfoljningsrapporter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Uppfoljningsrapporter_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ArForbundschef = table.Column<bool>(type: "INTEGER", nullable: false),
                    AktivtForbundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Forbund_AktivtForbundId",
                        column: x => x.AktivtForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetIntakter",
                columns: table => new
                {
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArsbudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Belopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetIntakter", x => new { x.ArsbudgetId, x.MedlemId });
                    table.ForeignKey(
                        name: "FK_BudgetIntakter_Arsbudgetar_ArsbudgetId",
                        column: x => x.ArsbudgetId,
                        principalTable: "Arsbudgetar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetIntakter_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetSamrad",
                columns: table => new
                {
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArsbudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetSamrad", x => new { x.ArsbudgetId, x.MedlemId });
                    table.ForeignKey(
                        name: "FK_BudgetSamrad_Arsbudgetar_ArsbudgetId",
                        column: x => x.ArsbudgetId,
                        principalTable: "Arsbudgetar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetSamrad_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InsatsMedlemmar",
                columns: table => new
                {
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsatsMedlemmar", x => new { x.InsatsId, x.MedlemId });
                    table.ForeignKey(
                        name: "FK_InsatsMedlemmar_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InsatsMedlemmar_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Yttranden",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LamnatAv = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Ombudsskal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LamnatUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Sammanfattning = table.Column<string>(type: "TEXT", nullable: false),
                    Tillstyrker = table.Column<bool>(type: "INTEGER", nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Yttranden", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Yttranden_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Yttranden_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Arenden",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rubrik = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Paragraf = table.Column<int>(type: "INTEGER", nullable: true),
                    SammantradeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Arenden", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Arenden_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Arenden_Sammantraden_SammantradeId",
                        column: x => x.SammantradeId,
                        principalTable: "Sammantraden",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Beslut",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InsatsId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SammantradeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Paragraf = table.Column<int>(type: "INTEGER", nullable: true),
                    BeviljatBelopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Motivering = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beslut", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Beslut_Insatser_InsatsId",
                        column: x => x.InsatsId,
                        principalTable: "Insatser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Beslut_Sammantraden_SammantradeId",
                        column: x => x.SammantradeId,
                        principalTable: "Sammantraden",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Narvaro",
                columns: table => new
                {
                    LedamotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SammantradeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Narvarande = table.Column<bool>(type: "INTEGER", nullable: false),
                    TjanstgorForLedamotId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Narvaro", x => new { x.SammantradeId, x.LedamotId });
                    table.ForeignKey(
                        name: "FK_Narvaro_Sammantraden_SammantradeId",
                        column: x => x.SammantradeId,
                        principalTable: "Sammantraden",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Styrelseledamoter",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MedlemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Roll = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Uppdrag = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StyrelseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Styrelseledamoter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Styrelseledamoter_Medlemmar_MedlemId",
                        column: x => x.MedlemId,
                        principalTable: "Medlemmar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Styrelseledamoter_Styrelser_StyrelseId",
                        column: x => x.StyrelseId,
                        principalTable: "Styrelser",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FortsattFinansiering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    Belopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Finansiar = table.Column<string>(type: "TEXT", nullable: true),
                    ImplementeringsbeslutInsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FortsattFinansiering", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FortsattFinansiering_Implementeringsbeslut_ImplementeringsbeslutInsatsId",
                        column: x => x.ImplementeringsbeslutInsatsId,
                        principalTable: "Implementeringsbeslut",
                        principalColumn: "InsatsId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImplementeradeDelar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Beskrivning = table.Column<string>(type: "TEXT", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", nullable: false),
                    Andel = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    ImplementeringsbeslutInsatsId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImplementeradeDelar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImplementeradeDelar_Implementeringsbeslut_ImplementeringsbeslutInsatsId",
                        column: x => x.ImplementeringsbeslutInsatsId,
                        principalTable: "Implementeringsbeslut",
                        principalColumn: "InsatsId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UppfoljningsrapportUtfall",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Budgettyp = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Belopp = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    UppfoljningsrapportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UppfoljningsrapportUtfall", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UppfoljningsrapportUtfall_Uppfoljningsrapporter_UppfoljningsrapportId",
                        column: x => x.UppfoljningsrapportId,
                        principalTable: "Uppfoljningsrapporter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Forbundsroller",
                columns: table => new
                {
                    AnvandareId = table.Column<string>(type: "TEXT", nullable: false),
                    ForbundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Roll = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Forbundsroller", x => new { x.AnvandareId, x.ForbundId, x.Roll });
                    table.ForeignKey(
                        name: "FK_Forbundsroller_AspNetUsers_AnvandareId",
                        column: x => x.AnvandareId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Forbundsroller_Forbund_ForbundId",
                        column: x => x.ForbundId,
                        principalTable: "Forbund",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JavAnmalningar",
                columns: table => new
                {
                    LedamotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArendeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Grund = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JavAnmalningar", x => new { x.ArendeId, x.LedamotId });
                    table.ForeignKey(
                        name: "FK_JavAnmalningar_Arenden_ArendeId",
                        column: x => x.ArendeId,
                        principalTable: "Arenden",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Omladdningssignaler",
                columns: new[] { "Namn", "Andrad", "Fingeravtryck", "Generation", "Nod" },
                values: new object[,]
                {
                    { "mallar", null, "", 0L, null },
                    { "regler", null, "", 0L, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Arbetsflodesutkast_ProcessNyckel",
                table: "Arbetsflodesutkast",
                column: "ProcessNyckel");

            migrationBuilder.CreateIndex(
                name: "IX_Arenden_InsatsId",
                table: "Arenden",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Arenden_SammantradeId",
                table: "Arenden",
                column: "SammantradeId");

            migrationBuilder.CreateIndex(
                name: "IX_Arsbudgetar_ForbundId_Ar",
                table: "Arsbudgetar",
                columns: new[] { "ForbundId", "Ar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AktivtForbundId",
                table: "AspNetUsers",
                column: "AktivtForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MedlemId",
                table: "AspNetUsers",
                column: "MedlemId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Beslut_InsatsId",
                table: "Beslut",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Beslut_SammantradeId",
                table: "Beslut",
                column: "SammantradeId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetIntakter_MedlemId",
                table: "BudgetIntakter",
                column: "MedlemId");

            migrationBuilder.CreateIndex(
                name: "IX_Budgetrader_InsatsId",
                table: "Budgetrader",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetSamrad_MedlemId",
                table: "BudgetSamrad",
                column: "MedlemId");

            migrationBuilder.CreateIndex(
                name: "IX_Diarieposter_InsatsId_Lopnummer",
                table: "Diarieposter",
                columns: new[] { "InsatsId", "Lopnummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dokument_Affarsnyckel",
                table: "Dokument",
                column: "Affarsnyckel");

            migrationBuilder.CreateIndex(
                name: "IX_Dokument_ProcessInstansId",
                table: "Dokument",
                column: "ProcessInstansId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineDefinitions_Key_Version",
                table: "EngineDefinitions",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngineIdempotency_ExpiresAt",
                table: "EngineIdempotency",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_EngineIncidents_InstanceId",
                table: "EngineIncidents",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineIncidents_TenantId",
                table: "EngineIncidents",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineInstances_BusinessKey",
                table: "EngineInstances",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_EngineInstances_DefinitionKey_Status",
                table: "EngineInstances",
                columns: new[] { "DefinitionKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineInstances_TenantId",
                table: "EngineInstances",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineJournal_TenantId",
                table: "EngineJournal",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineMessageSubscriptions_InstanceId",
                table: "EngineMessageSubscriptions",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineMessageSubscriptions_MessageName_BusinessKey",
                table: "EngineMessageSubscriptions",
                columns: new[] { "MessageName", "BusinessKey" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineTaskCandidates_TaskId",
                table: "EngineTaskCandidates",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineTasks_Assignee_State",
                table: "EngineTasks",
                columns: new[] { "Assignee", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineTasks_InstanceId_State",
                table: "EngineTasks",
                columns: new[] { "InstanceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineTasks_State_DueAt",
                table: "EngineTasks",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EngineTasks_TenantId",
                table: "EngineTasks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineTimers_InstanceId",
                table: "EngineTimers",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineTimers_State_DueAt",
                table: "EngineTimers",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Fasbyten_InsatsId",
                table: "Fasbyten",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Forbund_Organisationsnummer",
                table: "Forbund",
                column: "Organisationsnummer",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Forbundshandelser_ForbundId_TidUtc",
                table: "Forbundshandelser",
                columns: new[] { "ForbundId", "TidUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Forbundsroller_ForbundId",
                table: "Forbundsroller",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_FortsattFinansiering_ImplementeringsbeslutInsatsId",
                table: "FortsattFinansiering",
                column: "ImplementeringsbeslutInsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_ImplementeradeDelar_ImplementeringsbeslutInsatsId",
                table: "ImplementeradeDelar",
                column: "ImplementeringsbeslutInsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Insatser_ForbundId_Diarienummer",
                table: "Insatser",
                columns: new[] { "ForbundId", "Diarienummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsatsMedlemmar_MedlemId",
                table: "InsatsMedlemmar",
                column: "MedlemId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Key",
                table: "Jobs",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Kind_Target",
                table: "Jobs",
                columns: new[] { "Kind", "Target" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_DueAt",
                table: "Jobs",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Kontaktpersoner_InsatsId",
                table: "Kontaktpersoner",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Maskinklienter_Namn",
                table: "Maskinklienter",
                column: "Namn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Medlemmar_ForbundId",
                table: "Medlemmar",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifieringar_Dedupliceringsomfang_Dedupliceringsnyckel",
                table: "Notifieringar",
                columns: new[] { "Dedupliceringsomfang", "Dedupliceringsnyckel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifieringar_ForbundId",
                table: "Notifieringar",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifieringar_ProcessInstansId",
                table: "Notifieringar",
                column: "ProcessInstansId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifieringar_Status_ForfallerUtc",
                table: "Notifieringar",
                columns: new[] { "Status", "ForfallerUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Regelprovningar_ProcessInstanceId",
                table: "Regelprovningar",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Regelprovningar_Regelverk_Version",
                table: "Regelprovningar",
                columns: new[] { "Regelverk", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_Sammantraden_ForbundId",
                table: "Sammantraden",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_Styrelseledamoter_MedlemId",
                table: "Styrelseledamoter",
                column: "MedlemId");

            migrationBuilder.CreateIndex(
                name: "IX_Styrelseledamoter_StyrelseId",
                table: "Styrelseledamoter",
                column: "StyrelseId");

            migrationBuilder.CreateIndex(
                name: "IX_Styrelser_ForbundId",
                table: "Styrelser",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_SusArsplaner_InsatsId",
                table: "SusArsplaner",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_SusBudgetposter_InsatsId",
                table: "SusBudgetposter",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Uppfoljningsrapporter_InsatsId",
                table: "Uppfoljningsrapporter",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_UppfoljningsrapportUtfall_UppfoljningsrapportId",
                table: "UppfoljningsrapportUtfall",
                column: "UppfoljningsrapportId");

            migrationBuilder.CreateIndex(
                name: "IX_Webhookforsok_LeveransId_Nummer",
                table: "Webhookforsok",
                columns: new[] { "LeveransId", "Nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Webhookhandelser_ForbundId_SkapadUtc",
                table: "Webhookhandelser",
                columns: new[] { "ForbundId", "SkapadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Webhookleveranser_HandelseId",
                table: "Webhookleveranser",
                column: "HandelseId");

            migrationBuilder.CreateIndex(
                name: "IX_Webhookleveranser_PrenumerationId_SkapadUtc",
                table: "Webhookleveranser",
                columns: new[] { "PrenumerationId", "SkapadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Webhookprenumerationer_ForbundId",
                table: "Webhookprenumerationer",
                column: "ForbundId");

            migrationBuilder.CreateIndex(
                name: "IX_Yttranden_InsatsId",
                table: "Yttranden",
                column: "InsatsId");

            migrationBuilder.CreateIndex(
                name: "IX_Yttranden_MedlemId",
                table: "Yttranden",
                column: "MedlemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ansokningar");

            migrationBuilder.DropTable(
                name: "Arbetsflodesutkast");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Beslut");

            migrationBuilder.DropTable(
                name: "BudgetIntakter");

            migrationBuilder.DropTable(
                name: "BudgetKostnader");

            migrationBuilder.DropTable(
                name: "Budgetrader");

            migrationBuilder.DropTable(
                name: "BudgetSamrad");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Diarieposter");

            migrationBuilder.DropTable(
                name: "Dokument");

            migrationBuilder.DropTable(
                name: "EngineDefinitions");

            migrationBuilder.DropTable(
                name: "EngineIdempotency");

            migrationBuilder.DropTable(
                name: "EngineIncidents");

            migrationBuilder.DropTable(
                name: "EngineInstances");

            migrationBuilder.DropTable(
                name: "EngineJournal");

            migrationBuilder.DropTable(
                name: "EngineMessageSubscriptions");

            migrationBuilder.DropTable(
                name: "EngineTaskCandidates");

            migrationBuilder.DropTable(
                name: "EngineTasks");

            migrationBuilder.DropTable(
                name: "EngineTimers");

            migrationBuilder.DropTable(
                name: "Fasbyten");

            migrationBuilder.DropTable(
                name: "Forbundshandelser");

            migrationBuilder.DropTable(
                name: "Forbundsparametrar");

            migrationBuilder.DropTable(
                name: "Forbundsroller");

            migrationBuilder.DropTable(
                name: "Formularutkast");

            migrationBuilder.DropTable(
                name: "Formularversioner");

            migrationBuilder.DropTable(
                name: "FortsattFinansiering");

            migrationBuilder.DropTable(
                name: "ImplementeradeDelar");

            migrationBuilder.DropTable(
                name: "InsatsMedlemmar");

            migrationBuilder.DropTable(
                name: "JavAnmalningar");

            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "Kontaktpersoner");

            migrationBuilder.DropTable(
                name: "Mallversioner");

            migrationBuilder.DropTable(
                name: "Maskinklienter");

            migrationBuilder.DropTable(
                name: "Narvaro");

            migrationBuilder.DropTable(
                name: "Notifieringar");

            migrationBuilder.DropTable(
                name: "Omladdningssignaler");

            migrationBuilder.DropTable(
                name: "RegelprovningUtfall");

            migrationBuilder.DropTable(
                name: "Slutrapporter");

            migrationBuilder.DropTable(
                name: "Styrelseledamoter");

            migrationBuilder.DropTable(
                name: "SusArsplaner");

            migrationBuilder.DropTable(
                name: "SusBudgetposter");

            migrationBuilder.DropTable(
                name: "UppfoljningsrapportUtfall");

            migrationBuilder.DropTable(
                name: "Webhookforsok");

            migrationBuilder.DropTable(
                name: "Webhookhandelser");

            migrationBuilder.DropTable(
                name: "Webhookleveranser");

            migrationBuilder.DropTable(
                name: "Webhookprenumerationer");

            migrationBuilder.DropTable(
                name: "Yttranden");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Arsbudgetar");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Implementeringsbeslut");

            migrationBuilder.DropTable(
                name: "Arenden");

            migrationBuilder.DropTable(
                name: "Regelprovningar");

            migrationBuilder.DropTable(
                name: "Styrelser");

            migrationBuilder.DropTable(
                name: "Uppfoljningsrapporter");

            migrationBuilder.DropTable(
                name: "Medlemmar");

            migrationBuilder.DropTable(
                name: "Sammantraden");

            migrationBuilder.DropTable(
                name: "Insatser");

            migrationBuilder.DropTable(
                name: "Forbund");
        }
    }
}
