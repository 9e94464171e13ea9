namespace M365Scanner.Storage.Postgres;

/// <summary>One step of the PostgreSQL schema's history: applied once, in <see cref="Version"/> order, inside the
/// transaction that records it in <c>schema_version</c>. Never edit a released step; add the next one.</summary>
/// <param name="Version">1, 2, 3, ... without gaps.</param>
/// <param name="Name">What the step does, kept in <c>schema_version</c> for whoever inspects a database.</param>
/// <param name="Sql">The statements, separated by semicolons.</param>
public sealed record PostgresMigration(int Version, string Name, string Sql);
