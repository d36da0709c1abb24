using RealEstateCrm.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await SeedBenchmark.RunAsync(),
    "streaming" => await StreamingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "olap" => await OlapBenchmark.RunAsync(),
    "ml-reference" => await MlReferenceBenchmark.RunAsync(args.Skip(1).ToArray()),
    "ml-products" => await MlProductsBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RealEstateCrm.Bench -- <suite>\nsuites: seed, streaming [seconds] [changes/s], olap, ml-reference [data folder], ml-products [scale]");
    return 2;
}
