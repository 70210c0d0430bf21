@echo off
rem evcheck for Windows. Runs evcheck.jar (beside this file) with the first Java found in:
rem   1. the runtime\ folder beside this file (an office-approved Java 17 runtime unpacked there),
rem   2. JAVA_HOME,
rem   3. java.exe on PATH.
rem Dropping a package folder onto this file (or double-clicking it, then choosing a folder) checks
rem the folder, writes the HTML and Excel reports into a folder beside it and opens the HTML; the
rem window then waits for a key. With arguments it is the evcheck command: evcheck.cmd check D:\材料
rem The build stores this file in GBK (code page 936, a Chinese console's) with CRLF line ends.
rem EVCHECK_JAVA_OPTS adds Java options (e.g. -Xmx2g); EVCHECK_DRYRUN=1 prints the command instead.
setlocal EnableExtensions DisableDelayedExpansion
set "EVCHECK_HOME=%~dp0"
set "EVCHECK_JAVA="
if exist "%EVCHECK_HOME%runtime\bin\java.exe" set "EVCHECK_JAVA=%EVCHECK_HOME%runtime\bin\java.exe"
if not defined EVCHECK_JAVA if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "EVCHECK_JAVA=%JAVA_HOME%\bin\java.exe"
if not defined EVCHECK_JAVA for %%i in (java.exe) do set "EVCHECK_JAVA=%%~$PATH:i"
set "EVCHECK_RUN="
if defined EVCHECK_DRYRUN set "EVCHECK_RUN=echo"

rem No argument (double-click) or one folder (dropped): the clerk's way, and the window waits.
set "EVCHECK_WAIT="
if "%~1"=="" goto dropped
if not "%~2"=="" goto command
pushd "%~1" 2>nul
if errorlevel 1 goto command
popd
goto dropped

:dropped
set "EVCHECK_WAIT=1"
if not defined EVCHECK_JAVA goto nojava
call :oldjava
if defined EVCHECK_OLD goto tooold
%EVCHECK_RUN% "%EVCHECK_JAVA%" -XX:+UseSerialGC -Xms256m -Xmn160m -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 %EVCHECK_JAVA_OPTS% -jar "%EVCHECK_HOME%evcheck.jar" open "%~1"
set "EVCHECK_RC=%ERRORLEVEL%"
goto end

:command
if not defined EVCHECK_JAVA goto nojava
call :oldjava
if defined EVCHECK_OLD goto tooold
%EVCHECK_RUN% "%EVCHECK_JAVA%" -XX:+UseSerialGC -Xms256m -Xmn160m -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8 %EVCHECK_JAVA_OPTS% -jar "%EVCHECK_HOME%evcheck.jar" %*
set "EVCHECK_RC=%ERRORLEVEL%"
goto end

:nojava
echo evcheck：未找到 Java 运行环境（需要 Java 17 或更高版本）。任选一种办法：
echo   1. 把单位批准的 Java 17 运行环境（JRE）解压到本文件夹中的 runtime 文件夹，使 runtime\bin\java.exe 存在；
echo   2. 安装 Java 17 或更高版本（如 Eclipse Temurin、毕昇 JDK、龙井 Dragonwell），并设置 JAVA_HOME；
echo   3. 或把 java.exe 所在的文件夹加入 PATH。
echo evcheck: no Java 17 or later found. Unpack a Java runtime into the runtime folder beside evcheck.cmd,
echo or set JAVA_HOME, or put java.exe on PATH.
set "EVCHECK_RC=3"
goto end

:tooold
echo evcheck：找到的 Java（%EVCHECK_JAVA%）版本低于 17，无法运行 evcheck。请使用 Java 17 或更高版本（放在 runtime 文件夹中，或设置 JAVA_HOME）。
echo evcheck: the Java found (%EVCHECK_JAVA%) is older than 17; evcheck needs Java 17 or later.
set "EVCHECK_RC=3"
goto end

rem Sets EVCHECK_OLD when the Java found is older than 17, which cannot run evcheck.jar.
:oldjava
set "EVCHECK_OLD="
if defined EVCHECK_DRYRUN goto :eof
"%EVCHECK_JAVA%" -version 2>&1 | findstr /r /c:"version \"1\.[0-8]" /c:"version \"9" /c:"version \"1[0-6][.\"]" >nul
if not errorlevel 1 set "EVCHECK_OLD=1"
goto :eof

:end
if not defined EVCHECK_RC set "EVCHECK_RC=3"
if defined EVCHECK_WAIT if not defined EVCHECK_NOPAUSE (echo. & pause)
exit /b %EVCHECK_RC%
