# evcheck for Windows PowerShell: .\evcheck.ps1 check D:\材料包 --format html,xlsx --output D:\报告
# Runs evcheck.jar (beside this file) with the first Java found in: the runtime\ folder beside this
# file, JAVA_HOME, java.exe on PATH. A folder as the only argument (or none) checks it the clerk's way:
# reports beside the folder, the HTML opened (evcheck open). Stored as UTF-8 with a BOM so that
# Windows PowerShell 5.1 reads the Chinese messages correctly. $env:EVCHECK_JAVA_OPTS adds Java
# options; $env:EVCHECK_DRYRUN=1 prints the command instead of running it.
$ErrorActionPreference = 'Stop'
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$java = $null
if (Test-Path -LiteralPath (Join-Path $here 'runtime\bin\java.exe')) {
    $java = Join-Path $here 'runtime\bin\java.exe'
} elseif ($env:JAVA_HOME -and (Test-Path -LiteralPath (Join-Path $env:JAVA_HOME 'bin\java.exe'))) {
    $java = Join-Path $env:JAVA_HOME 'bin\java.exe'
} else {
    $found = Get-Command java.exe -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($found) { $java = $found.Source }
}
if (-not $java) {
    Write-Host 'evcheck：未找到 Java 运行环境（需要 Java 17 或更高版本）。任选一种办法：'
    Write-Host '  1. 把单位批准的 Java 17 运行环境（JRE）解压到本文件夹中的 runtime 文件夹，使 runtime\bin\java.exe 存在；'
    Write-Host '  2. 安装 Java 17 或更高版本（如 Eclipse Temurin、毕昇 JDK、龙井 Dragonwell），并设置 JAVA_HOME；'
    Write-Host '  3. 或把 java.exe 所在的文件夹加入 PATH。'
    Write-Host 'evcheck: no Java 17 or later found. Unpack a Java runtime into the runtime folder beside evcheck.ps1, or set JAVA_HOME, or put java.exe on PATH.'
    exit 3
}
$evArgs = @($args)
if ($evArgs.Count -eq 0 -or ($evArgs.Count -eq 1 -and (Test-Path -LiteralPath $evArgs[0] -PathType Container))) {
    $evArgs = @('open') + $evArgs
}
$opts = @('-XX:+UseSerialGC', '-Xms256m', '-Xmn160m', '-XX:TieredStopAtLevel=1', '-Dfile.encoding=UTF-8')
if ($env:EVCHECK_JAVA_OPTS) { $opts += $env:EVCHECK_JAVA_OPTS -split '\s+' }
$cmd = @($opts) + @('-jar', (Join-Path $here 'evcheck.jar')) + $evArgs
if ($env:EVCHECK_DRYRUN) { Write-Output ("`"$java`" " + ($cmd -join ' ')); exit 0 }
$version = (& $java -version 2>&1 | Out-String)
if ($version -match 'version "(1\.[0-8]|9|1[0-6])[."]') {
    Write-Host "evcheck：找到的 Java（$java）版本低于 17，无法运行 evcheck。请使用 Java 17 或更高版本。"
    Write-Host "evcheck: the Java found ($java) is older than 17; evcheck needs Java 17 or later."
    exit 3
}
& $java @cmd
exit $LASTEXITCODE
