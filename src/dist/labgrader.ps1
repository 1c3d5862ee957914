# labgrader.ps1 - runs labgrader.jar (next to this file) from PowerShell, every argument passed on unchanged (@args).
# Java: the runtime image's own (runtime\bin\java.exe) with its AOT cache, else JAVA_HOME's, else java on PATH.
# Never calls Maven or git. Ctrl-C ends "labgrader watch", which then grades what it saw.
$lgHome = $PSScriptRoot
$java = 'java'
$aot = @()
if ($env:JAVA_HOME -and (Test-Path (Join-Path $env:JAVA_HOME 'bin\java.exe'))) { $java = Join-Path $env:JAVA_HOME 'bin\java.exe' }
if (Test-Path (Join-Path $lgHome 'runtime\bin\java.exe')) {
    $java = Join-Path $lgHome 'runtime\bin\java.exe'
    if (Test-Path (Join-Path $lgHome 'labgrader.aot')) { $aot = @("-XX:AOTCache=$(Join-Path $lgHome 'labgrader.aot')") }
}
& $java @aot -XX:TieredStopAtLevel=1 -Xmx512m '-Djdk.reflect.useNativeAccessorOnly=true' -XX:+UseSerialGC -jar (Join-Path $lgHome 'labgrader.jar') @args
exit $LASTEXITCODE
