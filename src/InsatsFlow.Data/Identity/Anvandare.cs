using Microsoft.AspNetCore.Identity;

namespace InsatsFlow.Data.Identity;

/// <summary>A person who signs in. Roles say what they may do; <see cref="MedlemId"/> which member party they represent.</summary>
public sealed class Anvandare : IdentityUser
{
    public string Namn { get; set; } = "";

    /// <summary>The member a beredningsgrupp or styrelse member represents, for yttranden per medlem.</summary>
    public Guid? MedlemId { get; set; }

    /// <summary>Receives escalations of overdue tasks.</summary>
    public bool ArForbundschef { get; set; }

    /// <summary>The förbund chosen at the last sign-in, for a user who belongs to more than one.</summary>
    public Guid? AktivtForbundId { get; set; }
}
