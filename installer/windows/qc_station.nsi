; Returns QC Station: the Windows installer (NSIS 3, Unicode).
;
; Built by installer/build.py on Windows from the one-folder PyInstaller build:
;
;   makensis /DVERSION=0.1.0 /DVERSION4=0.1.0.0 /DSOURCE_DIR=dist\qc-station
;            /DOUTFILE=dist\qc-station-0.1.0-windows-x64-setup.exe installer\windows\qc_station.nsi
;
; VERSION comes from qc_station/__init__.py (the one place it lives); VERSION4 is the same as
; four numbers, which the file version resource needs. SOURCE_DIR holds qc-station.exe,
; qc-station-cli.exe and _internal\.
;
; What it does:
; - installs for all users under Program Files (64-bit), with a start-menu entry and an
;   entry in "Apps and features" (uninstall, version, size, publisher);
; - upgrades in place: a second install finds the first one's folder in the registry, skips
;   the folder page, asks to close a running station, replaces the program files (the old
;   _internal\ goes first, so no stale library survives) and keeps everything else;
; - uninstalls the program, its start-menu entry and registry keys, and never the station's
;   data: the database, photos, logs and config.toml live in each user's profile
;   (%LOCALAPPDATA%\qc-station\qc-station, platformdirs' user data folder), not here;
; - runs silently with /S (upgrades by software distribution), /D=FOLDER for a first install
;   elsewhere.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "Give the version: makensis /DVERSION=x.y.z (installer/build.py does)"
!endif
!ifndef VERSION4
  !error "Give the version as four numbers: /DVERSION4=x.y.z.0"
!endif
!ifndef SOURCE_DIR
  !error "Give the PyInstaller folder: /DSOURCE_DIR=dist\qc-station"
!endif
!ifndef OUTFILE
  !define OUTFILE "qc-station-${VERSION}-windows-x64-setup.exe"
!endif
!ifndef ICON
  !define ICON "../../resources/icons/qc-station.ico" ; makensis works in this folder
!endif

!define APP_NAME "Returns QC Station"
!define APP_ID "qc-station"
!define PUBLISHER "Returns QC Station"
!define MAIN_EXE "qc-station.exe"
!define CLI_EXE "qc-station-cli.exe"
!define APP_KEY "Software\${APP_ID}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SHORTCUT "$SMPROGRAMS\${APP_NAME}.lnk"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

Var PreviousVersion

; --- pages ------------------------------------------------------------------------------------

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipFolderOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString NeedsX64 ${LANG_ENGLISH} "${APP_NAME} needs 64-bit Windows."
LangString NeedsX64 ${LANG_SIMPCHINESE} "${APP_NAME} 需要 64 位 Windows。"
LangString CloseFirst ${LANG_ENGLISH} "${APP_NAME} is running. Close it on this computer (and sign out other users running it), then choose Retry."
LangString CloseFirst ${LANG_SIMPCHINESE} "${APP_NAME} 正在运行。请在本机关闭它（并让其他正在使用它的用户退出），然后点击“重试”。"
LangString Upgrading ${LANG_ENGLISH} "Upgrading ${APP_NAME} $PreviousVersion to ${VERSION} in $INSTDIR; the station's data is kept."
LangString Upgrading ${LANG_SIMPCHINESE} "正在将 ${APP_NAME} 从 $PreviousVersion 升级到 ${VERSION}（$INSTDIR）；工作站数据将保留。"
LangString KeepsData ${LANG_ENGLISH} "The program is removed. The station's data (database, photos, logs, settings) stays in each user's $\"%LOCALAPPDATA%\qc-station$\" folder; delete that folder yourself if it is no longer needed."
LangString KeepsData ${LANG_SIMPCHINESE} "将删除程序。工作站数据（数据库、照片、日志、设置）保留在每个用户的 $\"%LOCALAPPDATA%\qc-station$\" 文件夹中；如不再需要，请自行删除该文件夹。"

; --- a running station must be closed before its files are replaced or removed ----------------

; Windows refuses to open a running program's file for writing; that is the test. Renaming
; would not do: a running program can be renamed.
!macro WAIT_UNTIL_CLOSED un
Function ${un}WaitUntilClosed
  retry:
  ${ForEach} $1 0 1 + 1
    ${If} $1 == 0
      StrCpy $2 "$INSTDIR\${MAIN_EXE}"
    ${Else}
      StrCpy $2 "$INSTDIR\${CLI_EXE}"
    ${EndIf}
    ${If} ${FileExists} "$2"
      ClearErrors
      FileOpen $0 "$2" a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(CloseFirst)" /SD IDCANCEL IDRETRY retry
        Abort
      ${EndIf}
      FileClose $0
    ${EndIf}
  ${Next}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

; --- install ----------------------------------------------------------------------------------

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NeedsX64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; An earlier install: upgrade it where it is.
  ReadRegStr $0 HKLM "${APP_KEY}" "InstallDir"
  ${If} $0 != ""
  ${AndIf} ${FileExists} "$0\${MAIN_EXE}"
    StrCpy $INSTDIR $0
    ReadRegStr $PreviousVersion HKLM "${APP_KEY}" "Version"
  ${EndIf}
FunctionEnd

Function SkipFolderOnUpgrade
  ${If} $PreviousVersion != ""
    Abort ; an upgrade goes where the station already is
  ${EndIf}
FunctionEnd

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetRegView 64
  SetShellVarContext all
  Call WaitUntilClosed
  ${If} $PreviousVersion != ""
    DetailPrint "$(Upgrading)"
  ${EndIf}
  ; The old version's libraries go first: a file the new build no longer has must not stay.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\${MAIN_EXE}" "" "$INSTDIR\${MAIN_EXE}" 0

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${MAIN_EXE},0"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; --- uninstall --------------------------------------------------------------------------------

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetRegView 64
  SetShellVarContext all
  Call un.WaitUntilClosed
  Delete "${SHORTCUT}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${MAIN_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  ; Only if empty: anything a site put in the program folder itself stays.
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  ; The user data folders (%LOCALAPPDATA%\qc-station) are left alone on purpose.
SectionEnd
