@echo off
rem Runs lbsim on Windows as ./lbsim does elsewhere: builds target\lbsim.jar first when it is
rem missing or older than the sources, makes the class-data sharing archive once per jar, then runs
rem the jar with the arguments given and passes on its exit status. LBSIM_JAVA_OPTS passes options
rem to the JVM.
setlocal EnableExtensions DisableDelayedExpansion
set "LBSIM_HOME=%~dp0"
set "LBSIM_HOME=%LBSIM_HOME:~0,-1%"
set "JAR=%LBSIM_HOME%\target\lbsim.jar"
set "ARCHIVE=%LBSIM_HOME%\target\lbsim.jsa"
set "INSTALL_JDK=install a JDK, version 17 or newer, such as Eclipse Temurin from adoptium.net or with `winget install EclipseAdoptium.Temurin.21.JDK`, then open a new terminal"

rem The java that runs lbsim: the one on the PATH, else JAVA_HOME's.
set "JAVA=java"
where java >nul 2>nul
if not errorlevel 1 goto :java_found
if not defined JAVA_HOME goto :no_java
if not exist "%JAVA_HOME%\bin\java.exe" goto :no_java
set "JAVA=%JAVA_HOME%\bin\java.exe"
goto :java_found
:no_java
>&2 echo lbsim needs Java and finds none (no java on the PATH, no JAVA_HOME): %INSTALL_JDK%
exit /b 1
:java_found

rem What is to be done, from the files' times (PowerShell compares them; cmd.exe alone cannot):
rem "build" when target\lbsim.jar is missing or older than pom.xml or anything under src\main;
rem else "use-archive" when the class-data archive is newer than the jar, "no-archive" when the
rem marker that no archive can be made is, "make-archive" when neither is.
set "STATE_SCRIPT=$h = $env:LBSIM_HOME;"
set "STATE_SCRIPT=%STATE_SCRIPT% $jar = Get-Item -LiteralPath (Join-Path $h 'target\lbsim.jar') -ErrorAction SilentlyContinue;"
set "STATE_SCRIPT=%STATE_SCRIPT% if (-not $jar) { 'build'; exit };"
set "STATE_SCRIPT=%STATE_SCRIPT% $sources = @(Get-Item -LiteralPath (Join-Path $h 'pom.xml')) + @(Get-ChildItem -LiteralPath (Join-Path $h 'src\main') -Recurse);"
set "STATE_SCRIPT=%STATE_SCRIPT% foreach ($f in $sources) { if ($f.LastWriteTimeUtc -gt $jar.LastWriteTimeUtc) { 'build'; exit } };"
set "STATE_SCRIPT=%STATE_SCRIPT% function newer($name) { $f = Get-Item -LiteralPath (Join-Path $h $name) -ErrorAction SilentlyContinue; $f -and $f.LastWriteTimeUtc -gt $jar.LastWriteTimeUtc };"
set "STATE_SCRIPT=%STATE_SCRIPT% if (newer 'target\lbsim.jsa') { 'use-archive' } elseif (newer 'target\lbsim.jsa.failed') { 'no-archive' } else { 'make-archive' }"
set "STATE="
for /f "usebackq delims=" %%S in (`powershell -NoProfile -NonInteractive -Command "%STATE_SCRIPT%"`) do set "STATE=%%S"
rem Without PowerShell, the jar is built when it is missing and used as it is otherwise.
if not defined STATE if not exist "%JAR%" set "STATE=build"
if "%STATE%"=="build" goto :build
if "%STATE%"=="make-archive" goto :make_archive
goto :run

:build
rem What a build needs: a java that runs and is 17 or newer, and a compiler, which a Java runtime
rem alone lacks.
set "JAVA_VERSION="
set "VERSION_FILE=%TEMP%\lbsim-java-version-%RANDOM%.txt"
"%JAVA%" -version 2> "%VERSION_FILE%"
for /f "usebackq tokens=1-3" %%A in ("%VERSION_FILE%") do if "%%B"=="version" set "JAVA_VERSION=%%~C"
del "%VERSION_FILE%" >nul 2>nul
set "JAVA_MAJOR="
set "JAVA_MINOR="
for /f "tokens=1,2 delims=.-_+" %%A in ("%JAVA_VERSION%") do (set "JAVA_MAJOR=%%A" & set "JAVA_MINOR=%%B")
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
if not defined JAVA_MAJOR goto :old_java
if %JAVA_MAJOR% LSS 17 goto :old_java
where javac >nul 2>nul
if not errorlevel 1 goto :jdk_found
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\javac.exe" goto :jdk_found
>&2 echo lbsim: building target\lbsim.jar needs a JDK (javac), and only a Java runtime is installed: %INSTALL_JDK%
exit /b 1
:old_java
>&2 echo lbsim needs Java 17 or newer, and "%JAVA%" is version "%JAVA_VERSION%": %INSTALL_JDK%
exit /b 1
:jdk_found

rem The Maven that builds: mvn when it is on the PATH and as new as pom.xml requires (3.8), else the
rem wrapper mvnw.cmd, which downloads the Maven version it is pinned to into ~\.m2\wrapper on its
rem first use.
set "MVN=%LBSIM_HOME%\mvnw.cmd"
where mvn >nul 2>nul
if errorlevel 1 goto :maven_chosen
mvn -B -v 2>nul | findstr /r /c:"Apache Maven 3\.[89]\." /c:"Apache Maven 3\.[1-9][0-9]\." /c:"Apache Maven [4-9]\." >nul
if not errorlevel 1 set "MVN=mvn"
:maven_chosen
if "%MVN%"=="mvn" (
    >&2 echo lbsim: building target\lbsim.jar, once or after the sources change...
) else (
    >&2 echo lbsim: building target\lbsim.jar with mvnw.cmd, as Maven 3.8 or newer is not installed; the first time, mvnw.cmd downloads Maven into %%USERPROFILE%%\.m2\wrapper...
)
set "BUILD_LOG=%TEMP%\lbsim-build-%RANDOM%.log"
pushd "%LBSIM_HOME%"
call "%MVN%" -q -B -DskipTests package > "%BUILD_LOG%" 2>&1
set "BUILD_STATUS=%ERRORLEVEL%"
popd
if "%BUILD_STATUS%"=="0" if exist "%JAR%" goto :built
type "%BUILD_LOG%" >&2
del "%BUILD_LOG%" >nul 2>nul
>&2 echo lbsim: the build failed (output above)
exit /b 1
:built
del "%BUILD_LOG%" >nul 2>nul

rem Class-data sharing (AppCDS), as ./lbsim explains: a short run of the benchmark scenario lists the
rem classes it loads and -Xshare:dump archives them, under another name then moved into place. When
rem no archive can be made, a marker says so and no start tries again until the jar changes.
:make_archive
if not exist "%LBSIM_HOME%\scenarios\bench.yaml" goto :run
set "PARTIAL=%ARCHIVE%.%RANDOM%.tmp"
set "CLASSES=%ARCHIVE%.%RANDOM%.classes"
set "RESULT=%ARCHIVE%.%RANDOM%.json"
"%JAVA%" "-XX:DumpLoadedClassList=%CLASSES%" -jar "%JAR%" run "%LBSIM_HOME%\scenarios\bench.yaml" --set duration=1s --interval=0.5s --json "%RESULT%" >nul 2>&1
if errorlevel 1 goto :archive_failed
"%JAVA%" -Xshare:dump "-XX:SharedClassListFile=%CLASSES%" "-XX:SharedArchiveFile=%PARTIAL%" -cp "%JAR%" >nul 2>&1
if errorlevel 1 goto :archive_failed
if not exist "%PARTIAL%" goto :archive_failed
rem A failed move (another lbsim has the old archive open) leaves no marker: a later start tries again.
move /y "%PARTIAL%" "%ARCHIVE%" >nul 2>nul
if not errorlevel 1 set "STATE=use-archive"
goto :archive_done
:archive_failed
type nul > "%ARCHIVE%.failed" 2>nul
:archive_done
del "%PARTIAL%" "%CLASSES%" "%RESULT%" >nul 2>nul

:run
rem The serial collector, for the reason ./lbsim gives: the cheapest write barrier and start.
set "CDS="
if "%STATE%"=="use-archive" set CDS="-XX:SharedArchiveFile=%ARCHIVE%" "-Xlog:cds*=off"
"%JAVA%" %LBSIM_JAVA_OPTS% -XX:+UseSerialGC %CDS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
