using Google.Protobuf;

namespace CoreHole.Formats;

/// <summary>
/// A small ONNX model as CoreHole exports them: float32 inputs and outputs of shape [batch, width], float32 (and float64) constants,
/// standard operators (default domain, opset <see cref="Opset"/>) and string metadata. <see cref="Write"/> encodes the
/// few messages of ONNX's onnx.proto it needs (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
/// ValueInfoProto and their type and shape messages; field numbers as in onnx.proto) with Google.Protobuf's
/// <see cref="CodedOutputStream"/>, rather than generating all of ONNX's classes.
/// </summary>
public sealed class OnnxGraph(string name)
{
    public const int IrVersion = 8, Opset = 17;
    public const int FloatType = 1, DoubleType = 11;
    const int FloatAttribute = 1, IntAttribute = 2;
    const string Batch = "batch";
    readonly List<ByteString> nodes = [], constants = [], inputs = [], outputs = [];
    int count;

    /// <summary>A float32 constant (an initializer) of shape <paramref name="dims"/>, row-major; returns its name.</summary>
    public string Constant(string label, ReadOnlySpan<float> values, params int[] dims)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        return Initializer(label, FloatType, values.Length, bytes, dims);
    }

    /// <summary>A float64 constant holding <paramref name="values"/> exactly, for a sum that float32 would lose to
    /// cancellation; returns its name.</summary>
    public string DoubleConstant(string label, ReadOnlySpan<float> values, params int[] dims)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (int i = 0; i < values.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * sizeof(double)), values[i]);
        return Initializer(label, DoubleType, values.Length, bytes, dims);
    }

    string Initializer(string label, int type, int count, byte[] bytes, int[] dims)
    {
        if (count != dims.Aggregate(1L, (a, d) => a * d)) throw new ArgumentException($"{count} values for shape [{string.Join(", ", dims)}]");
        var tensorName = Fresh(label);
        constants.Add(Message(o =>
        {
            foreach (var d in dims) Varint(o, 1, d);
            Varint(o, 2, type);
            Text(o, 8, tensorName);
            Bytes(o, 9, ByteString.CopyFrom(bytes));
        }));
        return tensorName;
    }

    /// <summary>A graph input of shape [batch, <paramref name="width"/>] (null: a named symbolic width).</summary>
    public string Input(string inputName, int? width, string doc)
    {
        inputs.Add(ValueInfo(inputName, width, doc));
        return inputName;
    }

    /// <summary>Makes <paramref name="value"/> a graph output called <paramref name="outputName"/>, of shape [batch, width].</summary>
    public void Output(string outputName, string value, int width, string doc)
    {
        Node("Identity", [value], outputName);
        outputs.Add(ValueInfo(outputName, width, doc));
    }

    /// <summary>An operator node; returns the name of its (single) output.</summary>
    public string Node(string op, string[] operands, string? output = null, params (string Name, object Value)[] attributes)
    {
        output ??= Fresh(op.ToLowerInvariant());
        var nodeName = Fresh($"{op}_node");
        nodes.Add(Message(o =>
        {
            foreach (var operand in operands) Text(o, 1, operand);
            Text(o, 2, output);
            Text(o, 3, nodeName);
            Text(o, 4, op);
            foreach (var (attribute, value) in attributes) Bytes(o, 5, Message(a =>
            {
                Text(a, 1, attribute);
                switch (value)
                {
                    case float f: a.WriteTag(2, WireFormat.WireType.Fixed32); a.WriteFloat(f); Varint(a, 20, FloatAttribute); break;
                    case int or long: Varint(a, 3, Convert.ToInt64(value)); Varint(a, 20, IntAttribute); break;
                    default: throw new ArgumentException($"attribute {attribute}: only float and integer attributes are written");
                }
            }));
        }));
        return output;
    }

    /// <summary>Writes the model: the graph, the opset, the producer and <paramref name="metadata"/> (ONNX's metadata_props).</summary>
    public void Write(string path, string producerVersion, string doc, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var graph = Message(o =>
        {
            foreach (var node in nodes) Bytes(o, 1, node);
            Text(o, 2, name);
            foreach (var constant in constants) Bytes(o, 5, constant);
            Text(o, 10, doc);
            foreach (var input in inputs) Bytes(o, 11, input);
            foreach (var output in outputs) Bytes(o, 12, output);
        });
        var model = Message(o =>
        {
            Varint(o, 1, IrVersion);
            Text(o, 2, "CoreHole");
            Text(o, 3, producerVersion);
            Text(o, 6, doc);
            Bytes(o, 7, graph);
            Bytes(o, 8, Message(s => { Text(s, 1, ""); Varint(s, 2, Opset); }));
            foreach (var (key, value) in metadata) Bytes(o, 14, Message(e => { Text(e, 1, key); Text(e, 2, value); }));
        });
        Atomic.WriteAllBytes(path, model.ToByteArray());
    }

    string Fresh(string label) => $"{label}_{count++}";

    static ByteString ValueInfo(string valueName, int? width, string doc) => Message(o =>
    {
        Text(o, 1, valueName);
        Bytes(o, 2, Message(type => Bytes(type, 1, Message(tensor =>
        {
            Varint(tensor, 1, FloatType);
            Bytes(tensor, 2, Message(shape =>
            {
                Bytes(shape, 1, Message(d => Text(d, 2, Batch)));
                Bytes(shape, 1, Message(d => { if (width is { } w) Varint(d, 1, w); else Text(d, 2, $"{valueName}_width"); }));
            }));
        }))));
        Text(o, 3, doc);
    });

    static ByteString Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true)) write(output);
        return ByteString.CopyFrom(buffer.ToArray());
    }

    static void Varint(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }

    static void Text(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    static void Bytes(CodedOutputStream o, int field, ByteString value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteBytes(value);
    }
}
