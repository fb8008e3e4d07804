# Output that survives Export-Csv and ConvertTo-Json (Pester 5): times as ISO 8601 round-trip text in every culture
# while they stay DateTimeOffset in PowerShell (src/Mayar.Credit/Mayar.Credit.Types.ps1xml, MayarTimestamp.cs), and
# enum-like values as their names in JSON.
# Run with: ./build.ps1 -Task Pester   (builds first; the module is imported from out/<Configuration>/Mayar.Credit)

BeforeAll {
    . (Join-Path $PSScriptRoot 'MayarPesterSession.ps1')

    $script:savedCulture = [cultureinfo]::CurrentCulture
    $script:roundTrip = '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}[+-]\d{2}:\d{2}$'
    $script:sampleTime = [DateTimeOffset]::new(2026, 12, 2, 8, 12, 5, 123, [TimeSpan]::Zero)
    $script:sampleText = '2026-12-02T08:12:05.1230000+00:00'

    # The text a time must have in a CSV: DateTimeOffset's own "o" format, culture-free.
    function ConvertTo-RoundTrip {
        param($Value)
        ([DateTimeOffset]$Value.PSObject.BaseObject).ToString('o', [cultureinfo]::InvariantCulture)
    }

    # Every output type with a time, from the cmdlets and by hand (with an exact sample time).
    function Get-TimedSample {
        $registered = Register-MayarCustomer -ProductId $script:emulator.ProductId -Name 'Export Sample' -Email ('export.{0}@example.id' -f [guid]::NewGuid().ToString('N').Substring(0, 12)) -Mobile '081234567890' -TrialCredit 100
        Add-MayarCredit -CustomerId $registered.CustomerId -ProductId $script:emulator.ProductId -Amount 250 | Out-Null
        $history = @($registered | Get-MayarCreditHistory)
        $customer = New-MayarCustomer -Name 'Export Record' -Email ('record.{0}@example.id' -f [guid]::NewGuid().ToString('N').Substring(0, 12)) -Phone '081234567890' -City 'Bandung' -Country ID -Status active
        $summary = @(Get-MayarCustomer -Email $registered.Email)[0]

        $entry = [Mayar.Credit.Client.CreditHistoryEntry]::new()
        $entry.CreatedAt = $script:sampleTime
        $entry.ExpiredAt = $script:sampleTime.AddDays(30)
        $member = [Mayar.Credit.Client.RegisteredMembershipCustomer]::new()
        $member.NextPayment = $script:sampleTime
        $record = [Mayar.Credit.Client.MayarCustomer]::new()
        $record.CreatedAt = $script:sampleTime
        $record.UpdatedAt = $script:sampleTime

        @(
            @{ Name = 'a credit history entry'; Object = $history[0]; Times = 'CreatedAt' }
            @{ Name = 'a customer record'; Object = $customer; Times = 'CreatedAt', 'UpdatedAt' }
            @{ Name = 'a listed customer'; Object = $summary; Times = 'CreatedAt' }
            @{ Name = 'the connection'; Object = (Get-MayarConnection); Times = 'ConnectedAt' }
            @{ Name = 'an entry made by hand'; Object = $entry; Times = 'CreatedAt', 'ExpiredAt' }
            @{ Name = 'a membership made by hand'; Object = $member; Times = 'NextPayment' }
            @{ Name = 'a customer made by hand'; Object = $record; Times = 'CreatedAt', 'UpdatedAt' }
        )
    }

    Reset-Emulator
    Connect-Emulator
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ('mayar-export-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:work | Out-Null
}

AfterAll {
    [cultureinfo]::CurrentCulture = $script:savedCulture
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue
    Stop-MayarPesterSession
}

Describe 'Times in CSV' {
    AfterEach {
        [cultureinfo]::CurrentCulture = $script:savedCulture
    }

    It 'Export-Csv and ConvertTo-Csv write every time as ISO 8601 round-trip text under <_>' -ForEach 'id-ID', 'de-DE', 'en-US' {
        $samples = Get-TimedSample
        [cultureinfo]::CurrentCulture = $_
        foreach ($sample in $samples) {
            $path = Join-Path $script:work ('{0}-{1}.csv' -f $_, [guid]::NewGuid().ToString('N'))
            $sample.Object | Export-Csv -LiteralPath $path -NoTypeInformation
            $exported = Import-Csv -LiteralPath $path
            $converted = $sample.Object | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
            foreach ($name in $sample.Times) {
                $value = $sample.Object.$name
                $value | Should -Not -BeNullOrEmpty -Because "$($sample.Name) must have a $name"
                $expected = ConvertTo-RoundTrip $value
                $exported.$name | Should -BeExactly $expected -Because "Export-Csv of $($sample.Name) under $_"
                $exported.$name | Should -Match $script:roundTrip
                $converted.$name | Should -BeExactly $expected -Because "ConvertTo-Csv of $($sample.Name) under $_"
            }
        }
    }

    It 'the exact text is 2026-12-02T08:12:05.1230000+00:00, milliseconds and offset kept, under <_>' -ForEach 'id-ID', 'de-DE' {
        $entry = [Mayar.Credit.Client.CreditHistoryEntry]::new()
        $entry.CreatedAt = $script:sampleTime
        $entry.ExpiredAt = [DateTimeOffset]::new(2027, 1, 2, 15, 4, 5, 6, [TimeSpan]::FromHours(7))
        [cultureinfo]::CurrentCulture = $_
        $row = $entry | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        $row.CreatedAt | Should -BeExactly $script:sampleText
        $row.ExpiredAt | Should -BeExactly '2027-01-02T15:04:05.0060000+07:00'
    }

    It 'a time selected into a new object, and a time read from a CSV, round-trip under <_>' -ForEach 'id-ID', 'de-DE' {
        $entry = [Mayar.Credit.Client.CreditHistoryEntry]::new()
        $entry.CreatedAt = $script:sampleTime
        [cultureinfo]::CurrentCulture = $_
        ($entry | Select-Object -Property @('Id', 'CreatedAt') | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).CreatedAt | Should -BeExactly $script:sampleText
        $back = [DateTimeOffset](($entry | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).CreatedAt)
        $back | Should -Be $script:sampleTime
        $back.Offset | Should -Be $script:sampleTime.Offset
    }

    It 'an empty time stays an empty field' {
        $entry = [Mayar.Credit.Client.CreditHistoryEntry]::new()
        $line = @($entry | ConvertTo-Csv -NoTypeInformation)[1]
        ($line -split ',')[0] | Should -BeExactly '' -Because 'CreatedAt is the first column and null: nothing is written'
    }
}

Describe 'Times stay DateTimeOffset for PowerShell users' {
    AfterEach {
        [cultureinfo]::CurrentCulture = $script:savedCulture
    }

    BeforeAll {
        $script:entries = @(
            foreach ($days in 3, 1, 2) {
                $one = [Mayar.Credit.Client.CreditHistoryEntry]::new()
                $one.Id = "entry-$days"
                $one.CreatedAt = $script:sampleTime.AddDays($days)
                $one
            }
        )
    }

    It 'is a DateTimeOffset, sorts, compares and subtracts as one' {
        $first = $script:entries[0]
        $first.CreatedAt -is [DateTimeOffset] | Should -BeTrue
        $first.CreatedAt.GetType() | Should -Be ([DateTimeOffset])
        @($script:entries | Sort-Object CreatedAt).Id | Should -Be 'entry-1', 'entry-2', 'entry-3'
        @($script:entries | Sort-Object CreatedAt -Descending)[0].Id | Should -Be 'entry-3'
        ($script:entries[0].CreatedAt - $script:entries[1].CreatedAt) | Should -Be ([TimeSpan]::FromDays(2))
        $first.CreatedAt -gt $script:entries[1].CreatedAt | Should -BeTrue
        $first.CreatedAt -eq $script:sampleTime.AddDays(3) | Should -BeTrue
        $first.CreatedAt.AddHours(1) | Should -BeOfType ([DateTimeOffset])
        $first.CreatedAt.Year | Should -Be 2026
        @($script:entries | Where-Object CreatedAt -LT $script:sampleTime.AddDays(2.5)).Count | Should -Be 2
    }

    It 'formats as asked: ToString with a format, -f, a culture, and the table view''s {0:u}' {
        [cultureinfo]::CurrentCulture = 'de-DE'
        $time = $script:entries[0].CreatedAt
        $time.ToString() | Should -BeExactly '2026-12-05T08:12:05.1230000+00:00'
        $time.ToString('yyyy-MM-dd') | Should -BeExactly '2026-12-05'
        $time.ToString('d', [cultureinfo]::InvariantCulture) | Should -BeExactly '12/05/2026'
        $time.ToString([cultureinfo]'id-ID') | Should -BeExactly ($script:sampleTime.AddDays(3).ToString([cultureinfo]'id-ID'))
        ('{0:yyyy-MM-dd HH:mm}' -f $time) | Should -BeExactly '2026-12-05 08:12'
        $table = ($script:entries[0] | Format-Table | Out-String -Width 80) -replace "$([char]27)\[[0-9;]*m", ''
        $table | Should -Match '2026-12-05 08:12:05Z'
    }

    It 'can be set from a DateTimeOffset or ISO text, except the connection''s ConnectedAt' {
        $customer = [Mayar.Credit.Client.MayarCustomer]::new()
        $customer.CreatedAt = $script:sampleTime
        $customer.CreatedAt | Should -Be $script:sampleTime
        $customer.UpdatedAt = $script:sampleText
        $customer.UpdatedAt | Should -Be $script:sampleTime
        $customer.UpdatedAt = $null
        $customer.UpdatedAt | Should -BeNullOrEmpty
        { (Get-MayarConnection).ConnectedAt = $script:sampleTime } | Should -Throw
    }

    It 'leaves DateTimeOffset itself as it was: another object''s time is still written in the culture' {
        [cultureinfo]::CurrentCulture = 'de-DE'
        $script:sampleTime.ToString() | Should -BeExactly '02.12.2026 08:12:05 +00:00'
        ([pscustomobject]@{ At = $script:sampleTime } | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).At | Should -BeExactly '02.12.2026 08:12:05 +00:00'
        $typeData = Get-TypeData -TypeName System.DateTimeOffset
        if ($typeData) {
            @($typeData.Members.Keys) | Should -Not -Contain 'ToString'
        }
    }
}

Describe 'Enums in JSON' {
    AfterAll {
        Connect-Emulator
    }

    It 'ConvertTo-Json writes the connection''s environment as its name: <_>' -ForEach 'Sandbox', 'Production' {
        $connection = Connect-Mayar -ApiKey $script:key -Environment $_ -PassThru
        $json = $connection | ConvertTo-Json
        $json | Should -Match ('"Environment":\s*"' + $_ + '"')
        ($json | ConvertFrom-Json).Environment | Should -BeExactly $_
        ($connection | ConvertTo-Json -Compress) | Should -Match ('"Environment":"' + $_ + '"')
        $connection.Environment -eq $_ | Should -BeTrue
        $connection.Environment -eq [Mayar.Credit.Client.MayarEnvironment]$_ | Should -BeTrue
        (Get-MayarConnection).Environment | Should -BeExactly $_
    }

    It 'a connection to a base URI is Custom in JSON too, and its time is ISO 8601' {
        Connect-Emulator
        $json = Get-MayarConnection | ConvertTo-Json
        $json | Should -Match '"Environment":\s*"Custom"'
        $json | Should -Match '"ConnectedAt":\s*"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}'
    }

    It 'no output object has a property ConvertTo-Json would write as an enum''s number' {
        foreach ($sample in Get-TimedSample) {
            foreach ($property in $sample.Object.PSObject.Properties) {
                $property.Value -is [enum] | Should -BeFalse -Because "$($sample.Name).$($property.Name) would be a number in ConvertTo-Json"
            }
        }
    }
}

Describe 'The types file is read when a command first writes a time' {
    It 'not by Import-Module nor for a balance; the first customer record a runspace sees already exports ISO 8601 times' {
        # A runspace of its own, so nothing earlier in this session has loaded the type data there.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest, $Key, $BaseUri, $Customer, $Product)
                    Import-Module $Manifest
                    Connect-Mayar -ApiKey $Key -BaseUri $BaseUri -RequestsPerMinute 0
                    'after-import=' + [bool](Get-TypeData -TypeName Mayar.Credit.Client.MayarCustomer)
                    $null = Get-MayarCreditBalance -CustomerId $Customer -ProductId $Product
                    'after-balance=' + [bool](Get-TypeData -TypeName Mayar.Credit.Client.MayarCustomer)
                    $email = 'first.{0}@example.id' -f [guid]::NewGuid().ToString('N').Substring(0, 12)
                    $row = New-MayarCustomer -Name 'First Time' -Email $email -Phone '081234567890' | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
                    'created=' + $row.CreatedAt
                    'after-record=' + [bool](Get-TypeData -TypeName Mayar.Credit.Client.MayarCustomer)
                }).AddParameters(@{ Manifest = $script:manifest; Key = $script:key; BaseUri = $script:emulator.BaseUrl; Customer = $script:emulator.SampleCustomerId; Product = $script:emulator.SampleProductId })
            $output = @($ps.Invoke() | ForEach-Object { "$_" })
            @($ps.Streams.Error) | Should -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }

        $output | Should -Contain 'after-import=False'
        $output | Should -Contain 'after-balance=False'
        $output | Should -Contain 'after-record=True'
        (($output | Where-Object { $_ -like 'created=*' }) -replace '^created=', '') | Should -Match $script:roundTrip
    }
}
