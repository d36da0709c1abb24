using RealEstateCrm.Bench;

return args.FirstOrDefault() switch
{
    "seed" => await SeedBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project bench/RealEstateCrm.Bench -- <suite>\nsuites: seed");
    return 2;
}
