using RealEstateCrm.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await SeedBenchmark.RunAsync(),
    "olap" => await OlapBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RealEstateCrm.Bench -- <suite>\nsuites: seed, olap");
    return 2;
}
