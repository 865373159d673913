namespace InsatsFlow.Engine.Parsing;

/// <summary>BPMN element kinds in Swedish, as the designer names them (ClientApp/src/sv.js), for diffs and messages.</summary>
public static class Elementtyper
{
    public static string Namn(string kind) => kind switch
    {
        "process" => "Process",
        "startEvent" => "Starthändelse",
        "endEvent" => "Sluthändelse",
        "intermediateCatchEvent" => "Mellanliggande händelse",
        "intermediateThrowEvent" => "Mellanliggande kastande händelse",
        "boundaryEvent" => "Gränshändelse",
        "task" => "Uppgift",
        "userTask" => "Användaruppgift",
        "serviceTask" => "Tjänsteuppgift",
        "businessRuleTask" => "Affärsregeluppgift",
        "sendTask" => "Sändningsuppgift",
        "receiveTask" => "Mottagningsuppgift",
        "manualTask" => "Manuell uppgift",
        "scriptTask" => "Skriptuppgift",
        "callActivity" => "Anropsaktivitet",
        "subProcess" => "Delprocess",
        "exclusiveGateway" => "Exklusiv gateway",
        "parallelGateway" => "Parallell gateway",
        "inclusiveGateway" => "Inkluderande gateway",
        "eventBasedGateway" => "Händelsebaserad gateway",
        "complexGateway" => "Komplex gateway",
        "sequenceFlow" => "Sekvensflöde",
        "lane" => "Bana",
        "laneSet" => "Banor",
        "participant" => "Deltagare",
        "dataObject" => "Dataobjekt",
        "dataObjectReference" => "Dataobjektreferens",
        "dataStoreReference" => "Datalagerreferens",
        "textAnnotation" => "Kommentar",
        "group" => "Grupp",
        "association" => "Association",
        _ => kind,
    };
}
