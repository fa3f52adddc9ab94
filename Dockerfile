# syntax=docker/dockerfile:1
# Multi-stage: restore and publish with the SDK, run on the ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files only, so the layer survives source edits.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/ImportsService.Domain.csproj src/Domain/
COPY src/Application/ImportsService.Application.csproj src/Application/
COPY src/Infrastructure/ImportsService.Infrastructure.csproj src/Infrastructure/
COPY src/Api/ImportsService.Api.csproj src/Api/
RUN dotnet restore src/Api/ImportsService.Api.csproj

COPY src/ src/
RUN dotnet publish src/Api/ImportsService.Api.csproj --configuration Release --no-restore --output /app

# The Debian-based runtime image ships ICU, which Microsoft.Data.SqlClient needs (no invariant globalization).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "ImportsService.Api.dll"]
