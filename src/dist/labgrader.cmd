@echo off
rem labgrader.cmd - runs labgrader.jar (next to this file) on Windows, every argument passed on unchanged (%%*).
rem Java: the runtime image's own (runtime\bin\java.exe) with its AOT cache, else JAVA_HOME's, else java on PATH.
rem Never calls Maven or git. Ctrl-C ends "labgrader watch", which then grades what it saw (Ctrl-Break prints Java's thread dump).
setlocal
set "LG_HOME=%~dp0"
set "LG_JAVA=java"
rem an option that is always harmless, so that the quoted "%LG_AOT%" below is never an empty argument
set "LG_AOT=-Xshare:auto"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "LG_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%LG_HOME%runtime\bin\java.exe" set "LG_JAVA=%LG_HOME%runtime\bin\java.exe"
if exist "%LG_HOME%runtime\bin\java.exe" if exist "%LG_HOME%labgrader.aot" set "LG_AOT=-XX:AOTCache=%LG_HOME%labgrader.aot"
if "%LG_JAVA%"=="java" where java >nul 2>nul || goto nojava
"%LG_JAVA%" "%LG_AOT%" -XX:TieredStopAtLevel=1 -Xmx512m -Djdk.reflect.useNativeAccessorOnly=true -XX:+UseSerialGC -jar "%LG_HOME%labgrader.jar" %*
exit /b %ERRORLEVEL%
:nojava
echo labgrader: Kein Java gefunden. labgrader braucht Java 17 oder neuer, etwa Eclipse Temurin 17 von https://adoptium.net, oder JAVA_HOME. 1>&2
echo labgrader: No Java found. labgrader needs Java 17 or newer, e.g. Eclipse Temurin 17 from https://adoptium.net, or JAVA_HOME. 1>&2
exit /b 2
