using System.Reflection;

namespace CoreHole.Common;

/// <summary>Which CoreHole wrote a file: the informational version (version + commit), recorded in datasets, model cards and exports.</summary>
public static class Release
{
    public static string Version { get; } =
        typeof(Release).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
