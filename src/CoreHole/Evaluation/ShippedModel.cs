namespace CoreHole.Evaluation;

/// <summary>
/// The model that ships with CoreHole: <c>data/models/default/model.chmodel</c> in the repository, with its card
/// (<c>model-card.md</c>, <c>model-card.json</c>) beside it, all written by one command, <see cref="RebuildCommand"/>.
/// Its archive holds the training domain, so <see cref="LoadedModel.Domain"/> flags inputs outside it.
/// </summary>
public static class ShippedModel
{
    public const string FileName = "model.chmodel", CardMarkdown = "model-card.md", CardJson = "model-card.json";
    public static readonly string Folder = Path.Combine("data", "models", "default");
    public static string RelativePath => Path.Combine(Folder, FileName);
    public const string RebuildCommand = "./corehole train data/dataset.h5 --ensemble -o data/models/default";

    /// <summary>
    /// The shipped model's path in the clone CoreHole runs from: looked for in the current folder and its parents,
    /// then above CoreHole's own binaries (<c>./corehole</c> runs them from a snapshot inside the clone).
    /// </summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, RelativePath))) return Path.Combine(folder.FullName, RelativePath);
        throw new InputError(RelativePath, null, $"no shipped model above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; name a model file, or make this one with {RebuildCommand}");
    }

    public static LoadedModel Load() => LoadedModel.Load(Find());
}
