using Scriban;

namespace InsatsFlow.Core.Dokument;

/// <summary>A parsed, checked template. <see cref="Sha256"/> is of the file's bytes, stored with each document.</summary>
public sealed record Mall(string Namn, string Fil, string Sha256, Template Template);
