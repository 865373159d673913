namespace InsatsFlow.Core.Arkiv;

/// <summary>JSON Schemas of InsatsFlow's own files in the package (CSIP113: every schema the package uses is in schemas/).</summary>
public static class Scheman
{
    public const string Journal = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "InsatsFlow: processjournal med hashkedja",
          "description": "Varje post: Hash = SHA-256 (hex) av PreviousHash + radbrytning + postens kanoniska text (InstanceId, Sequence, At i UTC med sex decimaler, ElementId, Event, UserId, Payload, åtskilda av radbrytningar). Instans.JournalHash är den sista postens hash.",
          "type": "object",
          "required": ["Instans", "Poster"],
          "properties": {
            "Instans": { "type": "object", "required": ["Id", "JournalSequence", "JournalHash"] },
            "Poster": {
              "type": "array",
              "items": { "type": "object", "required": ["InstanceId", "Sequence", "At", "Event", "Payload", "PreviousHash", "Hash"] }
            }
          }
        }
        """;

    public const string Regelprovning = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "InsatsFlow: regelprövning",
          "description": "En prövning mot en version av ett regelverk: regelfilens SHA-256, datumet prövningen gällde, indata och varje regels utfall.",
          "type": "object",
          "required": ["Regelverk", "Version", "Sha256", "Datum", "Indata", "Regler"]
        }
        """;
}
