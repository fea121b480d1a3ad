using System.Security.Cryptography;
using System.Text.Json;

namespace CoreHole.Training;

/// <summary>
/// A search is a folder, and its state is nothing but files, so a killed search resumes from what is there and any
/// executor (this machine now, a cluster scheduler later) can run its jobs by id:
/// <code>
/// DIR/search.json       the settings (dataset path and SHA-256, variant, split, folds, training settings)
/// DIR/jobs/ID.json      one per finished (combination, fold) job, written atomically when it ends
/// DIR/cv-results.csv    every combination's mean and std of the fold MSEs, once all jobs are done
/// DIR/model.chmlp       the best combination trained on the split's train part (CoreHole model file)
/// DIR/training.json     that final training: its combination, epochs, validation and test MSE
/// </code>
/// </summary>
public sealed class SearchFolder
{
    public const string SettingsFile = "search.json";
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    SearchFolder(string folder, SearchSettings settings) => (Folder, Settings) = (Path.GetFullPath(folder), settings);

    public string Folder { get; }
    public SearchSettings Settings { get; }
    public string JobsFolder => Path.Combine(Folder, "jobs");
    public string ResultsCsv => Path.Combine(Folder, "cv-results.csv");
    public string ModelFile => Path.Combine(Folder, "model.chmlp");
    public string TrainingReport => Path.Combine(Folder, "training.json");

    /// <summary>Creates the folder for <paramref name="settings"/>, or reopens it if it was made with exactly these.</summary>
    public static SearchFolder Create(string folder, SearchSettings settings)
    {
        Directory.CreateDirectory(Path.Combine(folder, "jobs"));
        var path = Path.Combine(folder, SettingsFile);
        if (File.Exists(path))
        {
            var existing = ReadSettings(path);
            if (existing != settings)
                throw new InputError(path, null, "this search folder was started with other settings or another dataset (or the dataset changed); use another folder");
        }
        else Atomic.WriteAllText(path, JsonSerializer.Serialize(settings, Json));
        return new SearchFolder(folder, settings);
    }

    /// <summary>Opens an existing search folder with the settings it was made with (to run one job by id).</summary>
    public static SearchFolder Open(string folder)
    {
        var path = Path.Combine(folder, SettingsFile);
        if (!File.Exists(path)) throw new InputError(folder, null, $"not a search folder (no {SettingsFile})");
        return new SearchFolder(folder, ReadSettings(path));
    }

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public IReadOnlyList<SearchJob> Jobs() =>
        [.. SearchSpace.Grid(Settings.Grid).SelectMany(c => Enumerable.Range(0, Settings.Folds).Select(f => new SearchJob(c, f)))];

    string JobFile(SearchJob job) => Path.Combine(JobsFolder, job.Id + ".json");

    public SearchJobResult? Result(SearchJob job)
    {
        var path = JobFile(job);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<SearchJobResult>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable job checkpoint: {e.Message}", e); }
    }

    public void Save(SearchJobResult result) =>
        Atomic.WriteAllText(Path.Combine(JobsFolder, result.Id + ".json"), JsonSerializer.Serialize(result, Json));

    public void SaveReport<T>(T report) => Atomic.WriteAllText(TrainingReport, JsonSerializer.Serialize(report, Json));

    /// <summary>The final training's report, as whoever ran it (this machine or a cluster job) saved it.</summary>
    public FinalTrainingReport ReadReport() =>
        File.Exists(TrainingReport) ? JsonSerializer.Deserialize<FinalTrainingReport>(File.ReadAllText(TrainingReport), Json)!
            : throw new InputError(Folder, null, "no final training yet (training.json)");

    static SearchSettings ReadSettings(string path)
    {
        try { return JsonSerializer.Deserialize<SearchSettings>(File.ReadAllText(path), Json) ?? throw new JsonException("empty"); }
        catch (JsonException e) { throw new InputError(path, null, $"unreadable search settings: {e.Message}", e); }
    }
}
