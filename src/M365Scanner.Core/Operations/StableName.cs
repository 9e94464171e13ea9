using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace M365Scanner.Core.Operations;

/// <summary>
/// The name an enum member is written under wherever it leaves the process, in JSON and in SQL: the member's
/// <see cref="JsonStringEnumMemberNameAttribute"/>, so renaming a member in code changes neither a stored row nor a
/// field of the admin API. Every member of an enum used here must carry one.
/// </summary>
public static class StableName
{
    public static string Of<T>(T value) where T : struct, Enum =>
        Names<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} has no member {value}.");

    /// <summary>The member written as <paramref name="name"/> (exactly, case-sensitive).</summary>
    /// <exception cref="FormatException">No member is written so: a row or request from elsewhere, to surface.</exception>
    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name}.");

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum =>
        Names<T>.ByName.TryGetValue(name ?? "", out value);

    private static class Names<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ByValue = typeof(T)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(
                field => (T)field.GetValue(null)!,
                field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                         ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Name} has no stable name ([JsonStringEnumMemberName])."));

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
