using System.CommandLine;
using CoreHole.Datasets;
using CoreHole.Evaluation;
using CoreHole.Models;

namespace CoreHole.Cli.Commands;

/// <summary><c>corehole export MODEL -o model.onnx</c>: the model as one ONNX graph (outputs mean and spread), its grids and preprocessing in the metadata.</summary>
static class ExportCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "a model file (corehole train); the deep ensemble, ridge regression and the mean spectrum export" };
        var output = new Option<string>("--output", "-o") { Description = "the ONNX file to write", Required = true };
        var command = new Command("export", "Write a trained model as an ONNX graph with outputs mean and spread, for onnxruntime in any language.") { model, output };
        command.SetAction(parse =>
        {
            var loaded = LoadedModel.Load(parse.GetValue(model)!);
            var path = parse.GetValue(output)!;
            OnnxExport.Write(path, loaded.Path, loaded.Model, loaded.Featurizer.Describe(loaded.Variant));
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1024.0:0} KiB): input '{OnnxExport.InputName}' ({loaded.Variant.Name()} input), outputs '{OnnxExport.MeanName}' and '{OnnxExport.SpreadName}'");
            return 0;
        });
        return command;
    }
}
